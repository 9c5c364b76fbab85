-- CAST of booleans to VARCHAR and comparisons of booleans.
select o_orderstatus, cast(o_totalprice > 100000 as varchar) as big, count(*) as n
from orders
group by 1, 2
order by 1, 2
