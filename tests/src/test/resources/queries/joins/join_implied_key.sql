-- partsupp and part share no equality, only l_partkey: the planner may join them on the key the two equalities imply.
select p_size, count(*) as n, sum(ps_supplycost) as cost
from lineitem, partsupp, part
where ps_partkey = l_partkey and p_partkey = l_partkey and ps_suppkey = l_suppkey and p_size < 8 and p_name like '%green%'
group by p_size
order by p_size
