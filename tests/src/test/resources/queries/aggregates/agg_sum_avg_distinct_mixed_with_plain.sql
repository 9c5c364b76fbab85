-- SUM(DISTINCT) and AVG(DISTINCT) beside plain aggregates in one GROUP BY (TPC-DS q16, q94 and q95
-- count distinct orders next to sums): rows are shuffled on the keys and aggregated once.
select l_returnflag,
       sum(distinct l_quantity) as distinct_quantities,
       avg(distinct l_discount) as avg_distinct_discount,
       count(distinct l_shipmode) as modes,
       sum(l_quantity) as quantity,
       count(*) as lines
from lineitem
group by l_returnflag
order by l_returnflag
