-- Three tables joined by foreign keys, then aggregated: a shuffle and broadcasts in one plan.
select n_name, sum(l_extendedprice * (1 - l_discount)) as revenue
from lineitem, supplier, nation
where l_suppkey = s_suppkey and s_nationkey = n_nationkey and l_shipdate < date '1994-01-01'
group by n_name
order by revenue desc
