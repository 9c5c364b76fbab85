-- NOT EXISTS whose only correlation is an inequality: an anti join without keys, its condition
-- checked on every pair.
select n1.n_name
from nation n1
where not exists (select 1 from nation n2 where n2.n_regionkey = 1 and n2.n_nationkey > n1.n_nationkey)
order by n1.n_name
