-- ROLLUP: per (flag, status), per flag, and the grand total, with GROUPING() telling them apart.
select l_returnflag, l_linestatus, grouping(l_returnflag, l_linestatus) as g, count(*) as n, sum(l_quantity) as q
from lineitem
group by rollup (l_returnflag, l_linestatus)
order by g, l_returnflag, l_linestatus
