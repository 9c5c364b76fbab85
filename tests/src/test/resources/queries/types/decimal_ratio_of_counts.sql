-- A ratio of two counts as DECIMAL(15,4) quotients (TPC-DS q90): Trino's scale is 4, rounded half up.
select cast(sum(case when o_orderpriority = '1-URGENT' then 1 else 0 end) as decimal(15,4))
       / cast(sum(case when o_orderpriority = '5-LOW' then 1 else 0 end) as decimal(15,4)) as urgent_per_low
from orders
