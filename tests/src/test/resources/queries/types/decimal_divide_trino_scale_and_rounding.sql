-- Decimal division as Trino computes it: DECIMAL(min(38, p1 + s2 + max(0, s2 - s1)), max(s1, s2)),
-- rounded half up. DuckDB divides decimals as DOUBLE, so the expected answers are Trino's, stated:
--   1.00/3.00 = 0.33, 2.00/3.00 = 0.67, 1.25/2 = 0.63, -1.25/2 = -0.63, 10.0000/3.0000 = 3.3333,
--   1.5/0.25 = 6.00 (scale 2), 7/2.0 = 3.5 (an integer counts as DECIMAL(10,0): scale 1)
select cast(1 as decimal(5,2)) / cast(3 as decimal(5,2)) as a,
       cast(2 as decimal(5,2)) / cast(3 as decimal(5,2)) as b,
       cast(1.25 as decimal(5,2)) / 2 as c,
       cast(-1.25 as decimal(5,2)) / 2 as d,
       cast(10 as decimal(15,4)) / cast(3 as decimal(15,4)) as e,
       cast(1.5 as decimal(3,1)) / cast(0.25 as decimal(3,2)) as f,
       7 / cast(2.0 as decimal(2,1)) as g
from region where r_regionkey = 0
-- duckdb: select 0.33::decimal(5,2) as a, 0.67::decimal(5,2) as b, 0.63::decimal(7,2) as c, -0.63::decimal(7,2) as d,
-- duckdb:        3.3333::decimal(19,4) as e, 6.00::decimal(6,2) as f, 3.5::decimal(12,1) as g
