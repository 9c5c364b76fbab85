-- approx_distinct: Shoal answers exactly (within any error bound); DuckDB's approx_count_distinct is a sketch, so compare with the exact count.
select o_orderstatus, approx_distinct(o_custkey) as customers
from orders
group by o_orderstatus
order by o_orderstatus
-- duckdb: select o_orderstatus, count(distinct o_custkey) as customers from orders group by o_orderstatus order by o_orderstatus
