-- AVG over 128-bit values divides exactly; + and - keep 128 bits; values that fit again come back as plain longs.
select o_orderstatus,
       avg(o_totalprice * 100000000000000000) as mean,
       sum(o_totalprice * 100000000000000000) - sum(o_totalprice * 100000000000000000) + 1 as back_to_one
from orders
group by o_orderstatus
order by o_orderstatus
