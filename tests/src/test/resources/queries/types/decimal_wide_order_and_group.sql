-- A 128-bit value as a grouping key and a sort key, and a CAST to a wide scale.
select o_totalprice * 10000000000000000 as scaled, cast(o_totalprice as decimal(38, 20)) as fine, count(*) as n
from orders
where o_orderkey < 2000
group by o_totalprice * 10000000000000000, cast(o_totalprice as decimal(38, 20))
order by scaled desc
limit 20
