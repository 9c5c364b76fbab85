-- A join with a small dimension broadcasts it to the tasks of the large side.
-- plan: BROADCAST
select n_name, count(*) as suppliers
from supplier join nation on s_nationkey = n_nationkey
group by n_name
order by n_name
