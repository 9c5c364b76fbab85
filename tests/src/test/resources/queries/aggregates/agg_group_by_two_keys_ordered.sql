select l_returnflag, l_linestatus, count(*) as n, sum(l_discount) from lineitem group by l_returnflag, l_linestatus order by l_returnflag, l_linestatus
