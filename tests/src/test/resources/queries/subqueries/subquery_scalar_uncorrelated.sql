-- An uncorrelated scalar subquery in a comparison.
select count(*) as above_average
from orders
where o_totalprice > (select avg(o_totalprice) from orders)
