-- An aggregate over a UNION ALL of two differently filtered scans of the same table.
select l_returnflag, count(*) as lines, sum(l_quantity) as quantity
from (
    select l_returnflag, l_quantity from lineitem where l_shipdate < date '1994-01-01'
    union all
    select l_returnflag, l_quantity from lineitem where l_shipdate >= date '1997-01-01'
) t
group by l_returnflag
order by l_returnflag
