-- GROUP BY a substr of a column (TPC-DS q15, q45 group by substr(ca_zip, 1, 5)).
select substr(c_phone, 1, 2) as country_code, count(*) as customers, sum(c_acctbal) as balance
from customer
group by substr(c_phone, 1, 2)
order by country_code
