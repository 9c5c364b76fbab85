-- WITH: a named subquery used twice.
with big as (select o_custkey, o_totalprice from orders where o_totalprice > 200000)
select (select count(*) from big) as big_orders, count(distinct o_custkey) as big_customers
from big
