-- Sample statistics of one value are NULL; population ones are 0.
select n_nationkey, stddev_samp(cast(n_regionkey as double)) as sd, var_pop(cast(n_regionkey as double)) as vp
from nation
group by n_nationkey
order by n_nationkey
