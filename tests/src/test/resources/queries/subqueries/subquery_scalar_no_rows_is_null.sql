-- A scalar subquery that finds no row is NULL, and the outer row stays.
select n_name, (select r_name from region where r_name = 'ATLANTIS') as region_name
from nation
where n_nationkey < 4
order by n_name
