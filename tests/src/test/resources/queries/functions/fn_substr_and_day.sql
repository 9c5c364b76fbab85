-- substr (Trino's name for SUBSTRING) with and without a length, and day().
select o_orderkey, substr(o_clerk, 7) as clerk_no, substr(o_orderpriority, 1, 1) as p, day(o_orderdate) as d
from orders
where o_orderkey < 50
order by o_orderkey
