-- A global aggregate over no rows: each partial emits a row, the final one still exactly one.
select count(*), sum(l_quantity), avg(l_discount), min(l_shipdate), max(l_comment)
from lineitem
where l_quantity < 0
