-- FILTER (WHERE ...) counts per string key, where new keys keep arriving batch after batch: a group
-- first seen late must not inherit the rows the FILTER rejected before it existed (TPC-H's
-- customer keys as text; the same shape as the EXCEPT of TPC-DS q87).
select sum(shipped), sum(open), count(*), max(shipped), max(open)
from (
  select cast(o_custkey as varchar) as customer,
         count(*) filter (where o_orderstatus = 'F') as shipped,
         count(*) filter (where o_orderstatus = 'O') as open
  from orders
  group by cast(o_custkey as varchar)
) t
