-- round (half away from zero), floor and ceil on decimals and doubles.
select o_orderkey, round(o_totalprice, -3) as thousands, round(o_totalprice, 1) as one_digit, floor(o_totalprice) as f,
       ceil(o_totalprice) as c, round(cast(o_totalprice as double) / 7, 2) as dbl
from orders
where o_orderkey < 100
order by o_orderkey
