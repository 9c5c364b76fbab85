-- PERCENT_RANK and CUME_DIST.
select n_regionkey, n_nationkey, percent_rank() over (partition by n_regionkey order by n_nationkey) as pr,
       cume_dist() over (partition by n_regionkey order by n_nationkey) as cd
from nation
order by n_regionkey, n_nationkey
