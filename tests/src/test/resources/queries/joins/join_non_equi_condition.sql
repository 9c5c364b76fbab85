-- An equi-join with a residual condition checked on each candidate pair.
select p_partkey, ps_suppkey, ps_supplycost
from part join partsupp on p_partkey = ps_partkey and ps_supplycost < p_retailprice / 10
where p_partkey < 50
order by p_partkey, ps_suppkey
