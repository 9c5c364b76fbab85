-- A window's ORDER BY ... DESC puts NULLs last by default too: the rows without an order rank last.
select c_custkey, o_orderkey, row_number() over (order by o_orderkey desc, c_custkey) as rn
from customer left join orders on c_custkey = o_custkey and o_orderkey < 100
where c_custkey < 30
order by rn
