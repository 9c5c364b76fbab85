-- A ROLLUP of sums, counts and averages is one aggregation by all keys, repeated per grouping set
-- (a cross join with the set ids) and aggregated again: lineitem is scanned once.
-- plan: Values rows=3
select l_returnflag, l_linestatus, sum(l_quantity) as quantity, avg(l_discount) as discount, count(*) as lines
from lineitem
group by rollup (l_returnflag, l_linestatus)
order by l_returnflag nulls last, l_linestatus nulls last
