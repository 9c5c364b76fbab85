-- INTERSECT: customer nations that also have suppliers with a high balance.
select c_nationkey from customer where c_acctbal > 9000
intersect
select s_nationkey from supplier where s_acctbal > 9000
order by 1
