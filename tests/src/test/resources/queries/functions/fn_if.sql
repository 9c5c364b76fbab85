-- IF(condition, then [, else]), as in Trino: without else, NULL when the condition is not true.
select o_orderstatus, count(if(o_totalprice > 200000, o_orderkey)) as big, sum(if(o_orderpriority = '1-URGENT', 1, 0)) as urgent,
       max(if(o_orderstatus = 'F', o_totalprice)) as max_finished
from orders
group by o_orderstatus
order by o_orderstatus
-- duckdb: select o_orderstatus, count(if(o_totalprice > 200000, o_orderkey, null)) as big, sum(if(o_orderpriority = '1-URGENT', 1, 0)) as urgent,
-- duckdb:        max(if(o_orderstatus = 'F', o_totalprice, null)) as max_finished
-- duckdb: from orders group by o_orderstatus order by o_orderstatus
