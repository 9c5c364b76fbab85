-- JOIN ... ON with aliases and a filter on each side.
select o.o_orderkey, c.c_name, o.o_totalprice
from orders o join customer c on o.o_custkey = c.c_custkey
where c.c_nationkey = 7 and o.o_orderdate < date '1993-01-01'
order by o.o_orderkey
