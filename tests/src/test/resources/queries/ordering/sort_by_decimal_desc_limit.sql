select o_orderkey, o_totalprice from orders order by o_totalprice desc limit 10
