-- strpos and POSITION, 1-based, 0 when absent.
select n_name, strpos(n_name, 'A') as a_at, position('AN' in n_name) as an_at
from nation
order by n_name
