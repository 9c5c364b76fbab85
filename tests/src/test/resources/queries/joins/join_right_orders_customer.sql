-- Right join: the build side's unmatched rows come out at the end with NULL probe columns.
select c_mktsegment, count(*) as rows_, count(o_orderkey) as orders
from orders right join customer on o_custkey = c_custkey
group by c_mktsegment
order by c_mktsegment
