-- A cross join (no keys) filtered afterwards.
select r_name, n_name
from region, nation
where n_nationkey < 3
order by r_name, n_name
