-- Two large tables: both sides hash-partitioned on the order key (orders is over the test's broadcast threshold).
select o_orderpriority, count(*) as lines, sum(l_quantity) as quantity
from lineitem join orders on l_orderkey = o_orderkey
where o_orderdate >= date '1995-01-01'
group by o_orderpriority
order by o_orderpriority
