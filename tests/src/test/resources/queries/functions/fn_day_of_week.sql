-- day_of_week is ISO (Monday = 1 ... Sunday = 7), as DuckDB's isodow.
select day_of_week(o_orderdate) as dow, day_of_year(o_orderdate) < 10 as early, count(*) as n
from orders
group by 1, 2
order by 1, 2
-- duckdb: select isodow(o_orderdate) as dow, dayofyear(o_orderdate) < 10 as early, count(*) as n from orders group by 1, 2 order by 1, 2
