-- Left join keeps customers without orders (a third of them in TPC-H), with NULL order columns.
select c_custkey, count(o_orderkey) as orders, sum(o_totalprice) as spent
from customer left join orders on c_custkey = o_custkey
group by c_custkey
order by c_custkey
