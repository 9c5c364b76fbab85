-- EXISTS and NOT EXISTS correlated by an equality and an inequality (TPC-DS q16, q94): orders
-- shipped from more than one supplier, and lines no other line of the order shares a supplier with.
select count(*) as lines,
       count(distinct l1.l_orderkey) as orders
from lineitem l1
where l1.l_orderkey < 5000
  and exists (select * from lineitem l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey)
  and not exists (select * from lineitem l3 where l3.l_orderkey = l1.l_orderkey and l3.l_suppkey = l1.l_suppkey and l3.l_linenumber <> l1.l_linenumber)
