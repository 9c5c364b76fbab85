-- FILTER (WHERE ...) counts per key over the many output batches of a DISTINCT: a group first seen
-- in a later batch must not inherit the rows the FILTER rejected in the batches before it (the
-- shape of TPC-DS q87's EXCEPT, which counted 47,288 rows for 47,298).
select count(*) as keys, count(*) filter (where in_lineitem > 0) as keys_in_lineitem, sum(in_lineitem) as matches
from (
  select k, count(*) filter (where m = 1) as in_lineitem
  from (select distinct o_orderkey as k, 0 as m from orders
        union all
        select distinct l_orderkey, 1 from lineitem where l_orderkey < 1000) u
  group by k
) t
