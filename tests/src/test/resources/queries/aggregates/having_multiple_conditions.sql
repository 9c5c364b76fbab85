-- HAVING with several aggregate conditions.
select c_nationkey, count(*) as n, avg(c_acctbal) as bal
from customer
group by c_nationkey
having count(*) > 50 and avg(c_acctbal) > 4000
order by c_nationkey
