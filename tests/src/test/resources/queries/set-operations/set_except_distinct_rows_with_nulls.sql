-- EXCEPT of DISTINCT (string, string, date) rows with NULLs, counted, as TPC-DS q87 does:
-- NULLs in set operations compare as equal, so a row with a NULL also in the right side goes.
select count(*), count(segment), count(status)
from (
  select distinct c_mktsegment as segment, nullif(o_orderstatus, 'F') as status, o_orderdate
  from orders join customer on o_custkey = c_custkey
  except
  select distinct c_mktsegment, nullif(o_orderstatus, 'F'), o_orderdate
  from orders join customer on o_custkey = c_custkey
  where o_totalprice > 250000
) t
