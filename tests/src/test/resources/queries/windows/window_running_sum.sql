-- A running total (default frame: RANGE UNBOUNDED PRECEDING to CURRENT ROW, peers included).
select o_custkey, o_orderdate, o_totalprice,
       sum(o_totalprice) over (partition by o_custkey order by o_orderdate) as running
from orders
where o_custkey < 25
order by o_custkey, o_orderdate, o_totalprice
