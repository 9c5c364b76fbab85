-- AVG split into partial sums and counts on each worker and merged after the shuffle.
select l_returnflag, avg(l_quantity) as avg_qty, avg(l_extendedprice) as avg_price, avg(l_discount) as avg_disc, count(*) as n
from lineitem
group by l_returnflag
order by l_returnflag
