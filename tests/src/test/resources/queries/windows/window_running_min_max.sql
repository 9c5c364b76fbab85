-- Running MIN and MAX with a ROWS frame.
select l_orderkey, l_linenumber, l_quantity,
       min(l_quantity) over (partition by l_orderkey order by l_linenumber rows unbounded preceding) as lo,
       max(l_quantity) over (partition by l_orderkey order by l_linenumber rows between 1 preceding and current row) as hi2
from lineitem
where l_orderkey < 100
order by l_orderkey, l_linenumber
