-- A moving average and count over a ROWS frame of 2 preceding to 1 following.
select o_custkey, o_orderkey,
       avg(cast(o_totalprice as double)) over (partition by o_custkey order by o_orderkey rows between 2 preceding and 1 following) as moving,
       count(*) over (partition by o_custkey order by o_orderkey rows between 2 preceding and 1 following) as n
from orders
where o_custkey < 25
order by o_custkey, o_orderkey
