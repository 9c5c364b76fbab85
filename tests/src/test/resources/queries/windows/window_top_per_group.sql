-- The classic top-N per group: the three largest orders of each priority.
select o_orderpriority, o_orderkey, o_totalprice
from (
    select o_orderpriority, o_orderkey, o_totalprice,
           row_number() over (partition by o_orderpriority order by o_totalprice desc, o_orderkey) as rn
    from orders
) t
where rn <= 3
order by o_orderpriority, rn
