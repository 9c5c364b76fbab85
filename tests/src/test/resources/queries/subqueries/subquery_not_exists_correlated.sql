-- A correlated NOT EXISTS: customers without any order.
select count(*) as customers_without_orders
from customer c
where not exists (select 1 from orders o where o.o_custkey = c.c_custkey)
