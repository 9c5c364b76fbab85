-- COUNT(DISTINCT) of two different columns in one grouping, with a decimal SUM(DISTINCT).
select l_linestatus, count(distinct l_suppkey) as suppliers, count(distinct l_partkey) as parts,
       sum(distinct l_tax) as taxes
from lineitem
where l_shipdate < date '1993-01-01'
group by l_linestatus
order by l_linestatus
