-- Every call DISTINCT over one column, no grouping: rewritten to GROUP BY o_custkey then plain calls.
-- The NULL group (customers without such orders) is skipped by each call, as DISTINCT skips NULL.
select count(distinct o_custkey) as customers, sum(distinct o_custkey) as customers_sum,
       min(distinct o_custkey) as lowest, max(distinct o_custkey) as highest
from customer left join orders on c_custkey = o_custkey and o_orderkey < 1000
