-- coalesce(sum(x), 0) over a LEFT JOIN's missing side (TPC-DS q77, q80).
select n_name, coalesce(sum(s_acctbal), 0) as balance, count(s_suppkey) as suppliers
from nation left join supplier on n_nationkey = s_nationkey and s_acctbal > 9900
group by n_name
order by n_name
