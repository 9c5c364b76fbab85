-- A window over an aggregation: each segment's share of all revenue.
select c_mktsegment, sum(c_acctbal) as bal, sum(c_acctbal) / sum(sum(c_acctbal)) over () as share
from customer
group by c_mktsegment
order by c_mktsegment
