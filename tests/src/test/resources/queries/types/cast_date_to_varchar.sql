-- CAST of dates to VARCHAR (ISO format).
select o_orderkey, cast(o_orderdate as varchar) as text
from orders
where o_orderkey < 40
order by o_orderkey
