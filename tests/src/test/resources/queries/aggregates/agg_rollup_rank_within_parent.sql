-- The lochierarchy pattern of TPC-DS q36/q70/q86: rank() partitioned by the grouping level and the
-- parent key, ordered by an aggregate, over a ROLLUP.
select sum(l_extendedprice) as revenue, l_returnflag, l_linestatus,
       grouping(l_returnflag) + grouping(l_linestatus) as lochierarchy,
       rank() over (partition by grouping(l_returnflag) + grouping(l_linestatus),
                    case when grouping(l_linestatus) = 0 then l_returnflag end
                    order by sum(l_extendedprice) desc) as rank_within_parent
from lineitem
where l_shipdate < date '1995-01-01'
group by rollup (l_returnflag, l_linestatus)
order by lochierarchy desc, case when lochierarchy = 0 then l_returnflag end, rank_within_parent
