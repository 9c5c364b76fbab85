-- RANGE frames with offsets measure the ORDER BY key's value (integers, decimals, dates in days), ascending
-- and descending; a row whose key is NULL frames its NULL peers.
select o_orderkey,
       sum(o_totalprice) over (partition by o_orderstatus order by o_custkey range between 100 preceding and 50 following) as near_customers,
       count(*) over (order by o_custkey desc range between 10 preceding and current row) as desc_count,
       max(o_totalprice) over (order by o_totalprice range between 1000.50 preceding and 1000.50 following) as price_band,
       count(*) over (order by o_orderdate range between interval '30' day preceding and interval '1' day preceding) as month_before,
       count(*) over (order by nullif(o_custkey % 10, 3) range between 1 preceding and 1 following) as with_nulls,
       first_value(o_custkey) over (order by o_custkey range between 5 following and 20 following) as later_customer,
       min(o_orderkey) over (order by o_custkey range between 5 following and 20 following) as later_order
from orders
where o_orderkey < 3000
order by o_orderkey
