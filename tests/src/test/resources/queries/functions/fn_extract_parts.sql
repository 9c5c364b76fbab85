-- EXTRACT of year, month and day; arithmetic on the parts.
select extract(year from l_shipdate) * 100 + extract(month from l_shipdate) as yyyymm, count(*) as n
from lineitem
where extract(day from l_shipdate) = 1
group by 1
order by 1
