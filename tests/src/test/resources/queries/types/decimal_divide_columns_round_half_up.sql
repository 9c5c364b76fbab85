-- Quotients of money columns have Trino's scale, max(s1, s2): 2 or 4 here. DuckDB divides in
-- DOUBLE, so its side computes Trino's answer exactly: round half up of the unscaled quotient, in
-- integers (X, Y: the values times 100; every value here is positive).
select l_orderkey, l_linenumber,
       l_extendedprice / l_quantity as unit_price,
       cast(l_extendedprice as decimal(15,4)) / cast(l_quantity as decimal(15,4)) as unit_price_4,
       l_extendedprice / l_linenumber as per_line
from lineitem
where l_orderkey < 300
order by l_orderkey, l_linenumber
-- duckdb: select l_orderkey, l_linenumber,
-- duckdb:   cast((200 * cast(l_extendedprice * 100 as hugeint) + cast(l_quantity * 100 as hugeint)) // (2 * cast(l_quantity * 100 as hugeint)) as decimal(38,0)) * 0.01 as unit_price,
-- duckdb:   cast((20000 * cast(l_extendedprice * 100 as hugeint) + cast(l_quantity * 100 as hugeint)) // (2 * cast(l_quantity * 100 as hugeint)) as decimal(38,0)) * 0.0001 as unit_price_4,
-- duckdb:   cast((2 * cast(l_extendedprice * 100 as hugeint) + l_linenumber) // (2 * l_linenumber) as decimal(38,0)) * 0.01 as per_line
-- duckdb: from lineitem where l_orderkey < 300 order by l_orderkey, l_linenumber
