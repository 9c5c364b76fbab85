-- LAG and LEAD with offsets and defaults.
select o_custkey, o_orderdate, o_totalprice,
       lag(o_totalprice) over (partition by o_custkey order by o_orderdate, o_orderkey) as prev_price,
       lead(o_orderdate, 2) over (partition by o_custkey order by o_orderdate, o_orderkey) as second_next,
       lag(o_orderkey, 1, -1) over (partition by o_custkey order by o_orderdate, o_orderkey) as prev_key
from orders
where o_custkey < 30
order by o_custkey, o_orderdate, o_orderkey
