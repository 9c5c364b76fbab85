select o_custkey, count(*) as c from orders group by o_custkey having count(*) > 25
