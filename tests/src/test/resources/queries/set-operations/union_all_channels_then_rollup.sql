-- UNION ALL of per-channel aggregates with constant channel names, then ROLLUP over them
-- (TPC-DS q05, q77, q80).
select channel, id, sum(sales) as sales, sum(returns) as returns
from (
  select 'orders' as channel, o_orderpriority as id, sum(o_totalprice) as sales, 0 as returns from orders group by o_orderpriority
  union all
  select 'lines', l_shipmode, sum(l_extendedprice), sum(case when l_returnflag = 'R' then 1 else 0 end) from lineitem group by l_shipmode
) t
group by rollup (channel, id)
order by channel nulls last, id nulls last
