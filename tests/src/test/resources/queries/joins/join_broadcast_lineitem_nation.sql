-- A large table joined with a tiny one through a middle table.
select n_name, count(*) as lines
from lineitem join supplier on l_suppkey = s_suppkey join nation on s_nationkey = n_nationkey
group by n_name
order by n_name
