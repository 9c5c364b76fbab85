-- CUBE with GROUPING(a, b), the bit mask Trino and DuckDB both compute (a's bit first).
select o_orderstatus, o_orderpriority, grouping(o_orderstatus, o_orderpriority) as level, count(*) as orders
from orders
where o_orderdate < date '1993-01-01'
group by cube (o_orderstatus, o_orderpriority)
order by level, o_orderstatus, o_orderpriority
