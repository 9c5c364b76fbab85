-- rank() and dense_rank() ordered by an aggregate of the same query (TPC-DS q44, q67, q70).
select n_name, sum(s_acctbal) as balance,
       rank() over (order by sum(s_acctbal) desc) as r,
       dense_rank() over (partition by n_regionkey order by count(*) desc) as dr
from supplier join nation on s_nationkey = n_nationkey
group by n_name, n_regionkey
order by r, n_name
