-- A decimal quotient of constants rounds half up as one of columns does (Calcite's constant folding
-- truncated 2.00 / 3.00 to 0.666666; DuckDB's DOUBLE must round to Shoal's digits).
select cast(2 as decimal(5,2)) / cast(3 as decimal(5,2)) as two_thirds,
       cast(-2 as decimal(5,2)) / cast(3 as decimal(5,2)) as minus_two_thirds,
       cast(5 as decimal(5,2)) / 7 as five_sevenths
from region where r_regionkey = 0
