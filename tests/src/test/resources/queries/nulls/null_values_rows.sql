-- VALUES rows where some values are NULL: the column has the type of the others.
select x, y, x is null as missing
from (values (1, 'a'), (null, 'b'), (3, null)) as t (x, y)
order by y nulls last
