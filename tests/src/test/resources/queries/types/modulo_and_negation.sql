-- Modulo, unary minus and integer division. Trino divides integers as integers (7 / 3 = 2);
-- DuckDB's / on integers gives a double, its // divides as integers.
select n_nationkey, mod(n_nationkey, 4) as m, -n_nationkey as neg, n_nationkey / 3 as third
from nation
order by n_nationkey
-- duckdb: select n_nationkey, mod(n_nationkey, 4) as m, -n_nationkey as neg, n_nationkey // 3 as third from nation order by n_nationkey
