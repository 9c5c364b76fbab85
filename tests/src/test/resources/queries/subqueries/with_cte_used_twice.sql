-- One CTE read twice, joined with itself year over year (TPC-DS q04, q11, q74).
with yearly as (
  select o_custkey, extract(year from o_orderdate) as y, sum(o_totalprice) as total
  from orders
  group by o_custkey, extract(year from o_orderdate)
)
select count(*) as growing
from yearly a join yearly b on a.o_custkey = b.o_custkey and b.y = a.y + 1
where b.total > a.total * 2
