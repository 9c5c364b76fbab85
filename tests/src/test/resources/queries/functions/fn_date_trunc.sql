-- date_trunc to month, quarter, year and ISO week, grouped.
select date_trunc('month', o_orderdate) as m, date_trunc('quarter', o_orderdate) as q, date_trunc('year', o_orderdate) as y,
       count(*) as n
from orders
where o_orderdate < date '1992-07-01'
group by 1, 2, 3
order by 1
-- duckdb: select cast(date_trunc('month', o_orderdate) as date) as m, cast(date_trunc('quarter', o_orderdate) as date) as q,
-- duckdb:        cast(date_trunc('year', o_orderdate) as date) as y, count(*) as n
-- duckdb: from orders where o_orderdate < date '1992-07-01' group by 1, 2, 3 order by 1
