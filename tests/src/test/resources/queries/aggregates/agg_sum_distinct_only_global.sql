-- A global SUM(DISTINCT) and AVG(DISTINCT) over one column: duplicates are dropped per task, the
-- rest gathered and summed once; NULLs (from the outer join) are skipped.
select sum(distinct o_custkey) as customers_sum, avg(distinct o_shippriority) as priorities, count(distinct o_custkey) as customers
from customer left join orders on c_custkey = o_custkey and o_orderkey < 1000
