-- Explicit GROUPING SETS including the empty set.
select c_mktsegment, c_nationkey, count(*) as n, avg(c_acctbal) as bal
from customer
group by grouping sets ((c_mktsegment), (c_nationkey), ())
order by c_mktsegment nulls first, c_nationkey nulls first
