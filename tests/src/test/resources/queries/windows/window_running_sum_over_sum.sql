-- A running total of daily sums per key (TPC-DS q51): sum(sum(x)) over (partition by ... order by
-- ... rows between unbounded preceding and current row).
select l_shipmode, l_shipdate, sum(l_quantity) as quantity,
       sum(sum(l_quantity)) over (partition by l_shipmode order by l_shipdate rows between unbounded preceding and current row) as running
from lineitem
where l_shipdate between date '1994-01-01' and date '1994-01-20'
group by l_shipmode, l_shipdate
order by l_shipmode, l_shipdate
