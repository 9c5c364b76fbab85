select max(total), min(total) from (select o_custkey, sum(o_totalprice) as total from orders group by o_custkey)
