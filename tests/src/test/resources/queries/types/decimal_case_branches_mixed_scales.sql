-- CASE whose branches are decimals of different scales and an integer: one common decimal type.
select o_orderkey, case when o_orderpriority = '1-URGENT' then 1.5 when o_orderpriority = '2-HIGH' then o_totalprice / 1000 else 0 end as weight
from orders
where o_orderkey < 200
order by o_orderkey
