-- Words Trino does not reserve name columns and aliases here too: value, year, count, position, filter, language (Shoal's grammar frees every keyword Trino does not reserve).
select value, year, count, position, filter, language
from (select o_orderkey as value, extract(year from o_orderdate) as year, o_custkey as count, o_shippriority as position,
             o_orderstatus as filter, o_orderpriority as language
      from orders where o_orderkey < 100) as result
order by value
