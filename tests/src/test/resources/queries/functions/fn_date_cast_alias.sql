-- Trino's date(x) is CAST(x AS DATE), from a string or a timestamp.
select o_orderkey, date(cast(o_orderdate as varchar)) as from_text, date(cast(o_orderdate as timestamp) + interval '1' day) as next_day
from orders
where o_orderkey < 40
order by o_orderkey
-- duckdb: select o_orderkey, cast(cast(o_orderdate as varchar) as date) as from_text, cast(cast(o_orderdate as timestamp) + interval '1' day as date) as next_day
-- duckdb: from orders where o_orderkey < 40 order by o_orderkey
