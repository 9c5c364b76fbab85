-- IN with a subquery over another table.
select count(*) as orders_of_building_customers
from orders
where o_custkey in (select c_custkey from customer where c_mktsegment = 'BUILDING')
