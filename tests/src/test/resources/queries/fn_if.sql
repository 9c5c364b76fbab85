-- IF(condition, then, else). Trino also takes IF(condition, then); Calcite's signature wants all three (not yet).
select o_orderstatus, count(if(o_totalprice > 200000, o_orderkey, cast(null as bigint))) as big, sum(if(o_orderpriority = '1-URGENT', 1, 0)) as urgent
from orders
group by o_orderstatus
order by o_orderstatus
