-- ORDER BY ... DESC without NULLS FIRST/LAST puts NULLs last, as Trino (and DuckDB) do
-- whatever the direction (TPC-DS q34 orders by a nullable flag DESC).
select c_custkey, o_orderkey
from customer left join orders on c_custkey = o_custkey and o_orderkey < 100
where c_custkey < 30
order by o_orderkey desc, c_custkey
