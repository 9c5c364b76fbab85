-- ROLLUP with HAVING on the aggregate.
select n_regionkey, n_nationkey, count(*) as n
from nation
group by rollup (n_regionkey, n_nationkey)
having count(*) > 1
order by n_regionkey nulls last, n_nationkey nulls last
