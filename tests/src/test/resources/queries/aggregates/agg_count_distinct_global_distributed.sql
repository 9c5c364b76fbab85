-- COUNT(DISTINCT) with no grouping: counted as GROUP BY l_partkey then count, both split over the workers.
select count(distinct l_partkey) as parts
from lineitem
where l_shipdate >= date '1995-01-01'
