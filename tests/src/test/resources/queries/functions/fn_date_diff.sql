-- date_diff(unit, start, end) counts whole units, as in Trino (DuckDB's date_diff counts boundaries crossed; its date_sub counts whole units).
select o_orderkey, date_diff('day', o_orderdate, date '1998-08-02') as days, date_diff('week', o_orderdate, date '1998-08-02') as weeks,
       date_diff('month', o_orderdate, date '1998-08-02') as months, date_diff('year', date '1992-01-01', o_orderdate) as years
from orders
where o_orderkey < 200
order by o_orderkey
-- duckdb: select o_orderkey, date_sub('day', o_orderdate, date '1998-08-02') as days, date_sub('week', o_orderdate, date '1998-08-02') as weeks,
-- duckdb:        date_sub('month', o_orderdate, date '1998-08-02') as months, date_sub('year', date '1992-01-01', o_orderdate) as years
-- duckdb: from orders where o_orderkey < 200 order by o_orderkey
