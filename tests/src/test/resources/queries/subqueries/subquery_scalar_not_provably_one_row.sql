-- A scalar subquery Calcite cannot prove to be one row (a filter on a non-key column) is computed
-- and checked at run time (TPC-DS q06, q54, q58): here it finds exactly one row.
select n_name, (select r_name from region where r_name like 'EUR%') as region_name
from nation
where n_regionkey = 3
order by n_name
