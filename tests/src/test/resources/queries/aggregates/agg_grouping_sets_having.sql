-- GROUPING SETS with a HAVING on an aggregate and on GROUPING().
select n_regionkey, n_nationkey % 3 as bucket, count(*) as nations, grouping(n_regionkey) as by_bucket
from nation
group by grouping sets ((n_regionkey), (n_nationkey % 3), ())
having count(*) > 4 or grouping(n_regionkey) = 1
order by by_bucket, n_regionkey, bucket
