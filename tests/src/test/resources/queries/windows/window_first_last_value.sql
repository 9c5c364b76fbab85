-- FIRST_VALUE and LAST_VALUE over the whole partition.
select n_regionkey, n_name,
       first_value(n_name) over (partition by n_regionkey order by n_name rows between unbounded preceding and unbounded following) as first_,
       last_value(n_name) over (partition by n_regionkey order by n_name rows between unbounded preceding and unbounded following) as last_
from nation
order by n_regionkey, n_name
