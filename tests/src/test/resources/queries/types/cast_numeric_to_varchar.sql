-- CAST of integers and decimals to VARCHAR.
select n_nationkey, cast(n_nationkey as varchar) as k, cast(cast(n_nationkey as decimal(10, 2)) as varchar) as d
from nation
order by n_nationkey
