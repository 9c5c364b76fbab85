-- A scalar subquery in the select list.
select r_name, (select count(*) from nation n where n.n_regionkey = r.r_regionkey) as nations
from region r
order by r_name
