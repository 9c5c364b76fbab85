-- An aggregation over a large TopN: the TopN finishes in one task, its 50,000 rows are dealt
-- ROUND_ROBIN to the workers, aggregated partially on each and merged after a HASH shuffle.
select l_returnflag, l_linestatus, count(*) as lines, sum(l_quantity) as quantity
from (select * from lineitem order by l_orderkey, l_linenumber limit 50000) t
group by l_returnflag, l_linestatus
order by 1, 2
