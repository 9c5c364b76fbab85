-- GROUP BY two integral keys where either may be NULL (from an outer join): NULLs group together.
select o_orderstatus is null as no_order, c_nationkey, o_shippriority, count(*) as n
from customer left join orders on c_custkey = o_custkey and o_orderkey < 1000
where c_custkey < 200
group by o_orderstatus is null, c_nationkey, o_shippriority
order by 1, 2, 3 nulls first
