-- ROW_NUMBER per partition (partitioned by a HASH exchange on the PARTITION BY key).
select n_regionkey, n_name, row_number() over (partition by n_regionkey order by n_name) as rn
from nation
order by n_regionkey, rn
