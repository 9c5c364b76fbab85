-- ORDER BY with explicit NULLS FIRST and NULLS LAST on both directions.
select c_custkey, o_orderkey
from customer left join orders on c_custkey = o_custkey and o_orderkey < 100
where c_custkey < 30
order by o_orderkey desc nulls last, c_custkey
