-- ORDER BY ascending with NULLS FIRST.
select c_custkey, o_orderkey
from customer left join orders on c_custkey = o_custkey and o_orderkey < 100
where c_custkey < 30
order by o_orderkey asc nulls first, c_custkey
