select extract(year from o_orderdate) as y, count(*), sum(o_totalprice) from orders group by extract(year from o_orderdate) order by y
