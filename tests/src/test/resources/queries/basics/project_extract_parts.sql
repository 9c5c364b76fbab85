select o_orderkey, extract(year from o_orderdate), extract(month from o_orderdate), extract(day from o_orderdate) from orders where o_orderkey < 100
