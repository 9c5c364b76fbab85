-- Full outer join with rows unmatched on both sides (suppliers restricted to a key range).
select n_nationkey, s_suppkey
from nation full join (select * from supplier where s_suppkey < 30) s on n_nationkey = s_nationkey
order by n_nationkey nulls first, s_suppkey nulls first
