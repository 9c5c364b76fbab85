-- Date plus and minus intervals of days, months and years, and date comparison.
select count(*) as n
from orders
where o_orderdate + interval '1' year > date '1998-01-01'
  and o_orderdate - interval '3' month < date '1998-06-01'
  and o_orderdate + interval '10' day between date '1997-01-01' and date '1999-01-01'
