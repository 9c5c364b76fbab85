-- FULL OUTER JOIN of two aggregates with coalesce on the keys (TPC-DS q51, q97).
select count(*) as keys, count(a.k) as left_keys, count(b.k) as right_keys
from (select distinct o_custkey as k from orders where o_orderpriority = '1-URGENT') a
full outer join (select distinct c_custkey as k from customer where c_nationkey < 5) b on a.k = b.k
