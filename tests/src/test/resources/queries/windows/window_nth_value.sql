-- NTH_VALUE over the whole partition.
select n_regionkey, n_name,
       nth_value(n_name, 2) over (partition by n_regionkey order by n_name rows between unbounded preceding and unbounded following) as second
from nation
order by n_regionkey, n_name
