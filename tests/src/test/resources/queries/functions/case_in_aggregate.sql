-- CASE inside aggregates: a pivot of counts by status.
select o_orderpriority,
       sum(case when o_orderstatus = 'F' then 1 else 0 end) as f,
       sum(case when o_orderstatus = 'O' then 1 else 0 end) as o,
       sum(case when o_orderstatus = 'P' then 1 else 0 end) as p
from orders
group by o_orderpriority
order by o_orderpriority
