-- A window without PARTITION BY: one partition, gathered into one task.
select r_name, count(*) over () as regions, row_number() over (order by r_name desc) as rn
from region
order by rn
