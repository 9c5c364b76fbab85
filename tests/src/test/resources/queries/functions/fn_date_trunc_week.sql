-- date_trunc('week') goes back to Monday.
select o_orderdate, date_trunc('week', o_orderdate) as week_start
from orders
where o_orderkey < 200
order by o_orderkey
-- duckdb: select o_orderdate, cast(date_trunc('week', o_orderdate) as date) as week_start from orders where o_orderkey < 200 order by o_orderkey
