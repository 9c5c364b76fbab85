-- year, month, quarter, dayofmonth and EXTRACT on dates.
select year(o_orderdate) as y, quarter(o_orderdate) as q, month(o_orderdate) as m, count(*) as n,
       min(dayofmonth(o_orderdate)) as first_day, max(extract(day from o_orderdate)) as last_day
from orders
group by year(o_orderdate), quarter(o_orderdate), month(o_orderdate)
order by 1, 2, 3
