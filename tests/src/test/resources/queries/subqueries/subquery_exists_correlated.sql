-- A correlated EXISTS, decorrelated into a semi-join.
select c_mktsegment, count(*) as customers
from customer c
where exists (select 1 from orders o where o.o_custkey = c.c_custkey and o.o_totalprice > 300000)
group by c_mktsegment
order by c_mktsegment
