-- NTILE(4) over 25 nations: bucket sizes 7, 6, 6, 6.
select n_nationkey, ntile(4) over (order by n_nationkey) as quartile
from nation
order by n_nationkey
