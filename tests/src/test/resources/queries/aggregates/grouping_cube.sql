-- CUBE over two keys: four grouping sets.
select o_orderstatus, o_orderpriority, grouping(o_orderstatus) as gs, grouping(o_orderpriority) as gp, count(*) as n
from orders
group by cube (o_orderstatus, o_orderpriority)
order by gs, gp, o_orderstatus, o_orderpriority
