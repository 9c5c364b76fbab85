select o_orderpriority, count(distinct o_custkey) from orders group by o_orderpriority
