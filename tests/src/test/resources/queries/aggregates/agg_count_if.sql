-- count_if (Trino); DuckDB spells it count_if too.
select l_shipmode, count_if(l_discount > 0.05) as discounted, count_if(l_returnflag = 'R') as returned
from lineitem
group by l_shipmode
order by l_shipmode
