-- AVG of a decimal is a decimal of the argument's scale in Trino (DuckDB: DOUBLE, which must round
-- to Shoal's digits), as TPC-DS q07, q26 and q85 average money columns.
select l_returnflag, avg(l_extendedprice) as avg_price, avg(l_discount) as avg_discount, avg(l_quantity) as avg_quantity
from lineitem
group by l_returnflag
order by l_returnflag
