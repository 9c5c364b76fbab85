-- ntile and percent_rank over per-group aggregates.
select c_nationkey, count(*) as customers, ntile(4) over (order by count(*), c_nationkey) as quartile,
       percent_rank() over (order by sum(c_acctbal)) as balance_rank
from customer
group by c_nationkey
order by c_nationkey
