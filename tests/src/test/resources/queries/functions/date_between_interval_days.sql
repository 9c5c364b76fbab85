-- A date range written with CAST and + INTERVAL 'n' DAY (TPC-DS q16, q32, q92, q94).
select count(*), min(o_orderdate), max(o_orderdate)
from orders
where o_orderdate between cast('1995-02-01' as date) and (cast('1995-02-01' as date) + interval '60' day)
