select o_orderkey, o_orderdate from orders where o_orderpriority = '1-URGENT' order by o_orderdate, o_orderkey limit 25
