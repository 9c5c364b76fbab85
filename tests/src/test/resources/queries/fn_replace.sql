-- replace(s, search, replacement). Trino's two-argument replace(s, search) is not accepted yet.
select n_name, replace(n_name, 'A', 'a') as lowered_a, replace(n_name, 'AN', '') as without_an
from nation
order by n_name
