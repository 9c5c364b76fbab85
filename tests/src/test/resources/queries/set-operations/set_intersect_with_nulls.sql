-- INTERSECT keeps rows present on both sides, NULLs comparing as equal.
select count(*), count(status) from (
  select nullif(o_orderstatus, 'P') as status, o_orderpriority from orders where o_orderkey < 30000
  intersect
  select nullif(o_orderstatus, 'P'), o_orderpriority from orders where o_orderkey between 20000 and 60000
) t
