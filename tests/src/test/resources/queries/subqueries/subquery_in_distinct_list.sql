-- IN over a subquery of a non-key column (TPC-DS q45): duplicates in the list do not repeat rows.
select c_mktsegment, count(*) as customers
from customer
where c_nationkey in (select s_nationkey from supplier where s_acctbal > 9000)
group by c_mktsegment
order by c_mktsegment
