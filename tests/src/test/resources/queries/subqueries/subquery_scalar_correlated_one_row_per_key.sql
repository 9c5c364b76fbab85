-- A correlated scalar subquery over a non-unique column: one row per outer key here, checked at
-- run time per key (Calcite's SINGLE_VALUE per group after decorrelation).
select n_name, (select r_name from region r where r.r_regionkey = n.n_regionkey and r_comment is not null) as region_name
from nation n
order by n_name
