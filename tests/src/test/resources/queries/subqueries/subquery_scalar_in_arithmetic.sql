-- A scalar subquery's value used in arithmetic and a comparison, as TPC-DS q06 does with
-- 1.2 * (select avg(...)): the average of a not-provably-single row.
select p_brand, count(*) as parts
from part
where p_retailprice > 1.2 * (select avg(p_retailprice) from part where p_size = (select max(s_nationkey) from supplier where s_nationkey < 30))
group by p_brand
order by p_brand
