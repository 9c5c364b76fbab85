-- reverse, length, concat and || over names.
select n_name, reverse(n_name) as backwards, length(n_name) as len, concat(n_name, '/', r_name) as both_,
       n_name || '-' || r_name as piped
from nation join region on n_regionkey = r_regionkey
order by n_name
