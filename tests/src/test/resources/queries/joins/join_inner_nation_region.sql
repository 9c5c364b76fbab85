-- Inner join of two small tables (broadcast), all columns of both sides.
select n_name, r_name
from nation n join region r on n.n_regionkey = r.r_regionkey
order by n_name
