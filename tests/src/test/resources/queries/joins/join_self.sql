-- A self-join: the same table on both sides.
select a.n_name, b.n_name as same_region
from nation a join nation b on a.n_regionkey = b.n_regionkey and a.n_nationkey < b.n_nationkey
order by 1, 2
