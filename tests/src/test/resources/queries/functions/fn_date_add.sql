-- date_add (Trino's argument order: unit, amount, date); month ends clamp.
select o_orderkey, date_add('day', 10, o_orderdate) as plus10, date_add('month', 1, o_orderdate) as next_month,
       date_add('year', -1, o_orderdate) as last_year, date_add('week', 2, o_orderdate) as two_weeks
from orders
where o_orderkey < 100
order by o_orderkey
-- duckdb: select o_orderkey, cast(o_orderdate + interval 10 day as date) as plus10, cast(o_orderdate + interval 1 month as date) as next_month,
-- duckdb:        cast(o_orderdate - interval 1 year as date) as last_year, cast(o_orderdate + interval 14 day as date) as two_weeks
-- duckdb: from orders where o_orderkey < 100 order by o_orderkey
