-- A correlated scalar subquery: suppliers whose balance beats their nation's average.
select s_nationkey, count(*) as suppliers
from supplier s
where s_acctbal > (select avg(s2.s_acctbal) from supplier s2 where s2.s_nationkey = s.s_nationkey)
group by s_nationkey
order by s_nationkey
