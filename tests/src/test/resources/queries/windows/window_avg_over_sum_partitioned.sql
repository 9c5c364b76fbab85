-- avg(sum(x)) over a partition, compared with each group's sum (TPC-DS q47, q57, q63, q89): AVG of a
-- decimal keeps its scale in Trino (DuckDB's DOUBLE must round to Shoal's digits).
select o_orderpriority, extract(year from o_orderdate) as y, sum(o_totalprice) as total,
       avg(sum(o_totalprice)) over (partition by o_orderpriority) as avg_total
from orders
group by o_orderpriority, extract(year from o_orderdate)
order by o_orderpriority, y
