-- CAST between decimal scales rounds half up; to integer rounds too.
select o_orderkey, cast(o_totalprice as decimal(12, 0)) as whole, cast(o_totalprice as decimal(18, 4)) as wider,
       cast(o_totalprice as bigint) as as_bigint
from orders
where o_orderkey < 50
order by o_orderkey
