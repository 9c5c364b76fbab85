-- A global DISTINCT aggregation over no rows still returns its one row: 0 and NULL.
select count(distinct l_partkey) as parts, sum(distinct l_partkey) as parts_sum
from lineitem
where l_quantity < 0
