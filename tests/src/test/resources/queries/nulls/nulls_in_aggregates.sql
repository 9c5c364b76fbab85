select l_returnflag, l_linestatus, count(q), sum(q), min(q), max(q), avg(q)
from (select l_returnflag, l_linestatus, case when l_shipmode = 'AIR' and l_linestatus = 'O' then l_quantity end as q from lineitem)
group by l_returnflag, l_linestatus
