-- NOT IN against a subquery containing NULL yields no rows: SQL's three-valued logic.  -- empty
select n_name
from nation
where n_nationkey not in (select case when r_regionkey = 0 then null else r_regionkey end from region)
