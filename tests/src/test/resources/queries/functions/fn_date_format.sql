-- date_format(timestamp, format) with Trino's MySQL specifiers (%i is minutes, %M the month's name); DuckDB's strftime spells them %M and %B.
select o_orderkey, date_format(o_orderdate, '%Y-%m-%d') as iso, date_format(o_orderdate, '%d/%m/%y %W %b %j') as words,
       date_format(date_add('minute', o_orderkey * 37, cast(o_orderdate as timestamp)), '%H:%i:%s %p %M') as clock
from orders
where o_orderkey < 60
order by o_orderkey
-- duckdb: select o_orderkey, strftime(o_orderdate, '%Y-%m-%d') as iso, strftime(o_orderdate, '%d/%m/%y %A %b %j') as words,
-- duckdb:        strftime(cast(o_orderdate as timestamp) + interval 1 minute * (o_orderkey * 37), '%H:%M:%S %p %B') as clock
-- duckdb: from orders where o_orderkey < 60 order by o_orderkey
