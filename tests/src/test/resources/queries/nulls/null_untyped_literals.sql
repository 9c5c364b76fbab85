-- An untyped NULL takes the type of what it meets, as in Trino: in a select list, beside typed
-- values in VALUES, in coalesce and nullif, and as a CASE branch.
select n_nationkey, null as nothing, coalesce(null, n_name) as name, nullif(n_regionkey, null) as region,
       case when n_nationkey > 20 then null else n_nationkey end as small_keys
from nation
order by n_nationkey
