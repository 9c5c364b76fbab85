-- A global FILTER aggregate whose filter matches nothing: COUNT is 0 and SUM is NULL.
select count(*) filter (where o_totalprice < 0) as none_, sum(o_totalprice) filter (where o_totalprice < 0) as nothing,
       count(*) as all_
from orders
