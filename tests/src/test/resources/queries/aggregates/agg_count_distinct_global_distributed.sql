-- COUNT(DISTINCT) with no grouping: duplicates dropped on each worker, then gathered and counted once.
select count(distinct l_partkey) as parts
from lineitem
where l_shipdate >= date '1995-01-01'
