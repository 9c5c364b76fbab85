-- Searched and simple CASE in one projection.
select o_orderkey,
       case when o_totalprice > 300000 then 'huge' when o_totalprice > 100000 then 'big' else 'small' end as size_,
       case o_orderstatus when 'F' then 'final' when 'O' then 'open' else 'partial' end as status
from orders
where o_orderkey < 60
order by o_orderkey
