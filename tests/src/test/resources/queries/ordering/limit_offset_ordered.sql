-- LIMIT with OFFSET over an ordered result (a distributed TopN, then the offset).
select o_orderkey, o_totalprice
from orders
order by o_totalprice desc, o_orderkey
limit 10 offset 15
