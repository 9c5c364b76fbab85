-- Aggregates over the whole partition (no ORDER BY) next to each row.
select s_nationkey, s_suppkey, s_acctbal,
       min(s_acctbal) over (partition by s_nationkey) as lo, max(s_acctbal) over (partition by s_nationkey) as hi,
       count(*) over (partition by s_nationkey) as suppliers, avg(s_acctbal) over (partition by s_nationkey) as mean
from supplier
order by s_nationkey, s_suppkey
