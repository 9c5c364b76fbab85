-- A join on two integral keys (lineitem to partsupp), aggregated.
select ps_suppkey % 10 as bucket, count(*) as lines, sum(ps_supplycost * l_quantity) as cost
from lineitem join partsupp on l_partkey = ps_partkey and l_suppkey = ps_suppkey
group by ps_suppkey % 10
order by 1
