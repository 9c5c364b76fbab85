-- RANK and DENSE_RANK with ties.
select o_custkey, o_orderpriority, rank() over (partition by o_custkey order by o_orderpriority) as r,
       dense_rank() over (partition by o_custkey order by o_orderpriority) as dr
from orders
where o_custkey < 40
order by o_custkey, o_orderpriority, r
