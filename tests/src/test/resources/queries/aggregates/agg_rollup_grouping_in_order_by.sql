-- ROLLUP with GROUPING() in the select list and in ORDER BY (TPC-DS q36, q70, q86 order their
-- subtotals by it): detail rows first, then the subtotals, then the grand total.
select l_returnflag, l_linestatus, grouping(l_returnflag) as g_flag, grouping(l_linestatus) as g_status,
       sum(l_quantity) as quantity, count(*) as lines
from lineitem
group by rollup (l_returnflag, l_linestatus)
order by grouping(l_returnflag) + grouping(l_linestatus), l_returnflag, l_linestatus
