-- substr with a negative start counts from the end, as in Trino (and DuckDB), with and without a
-- length, and a length past the end.
select n_name, substr(n_name, -3) as last3, substr(n_name, -4, 2) as two_of_last4, substr(n_name, 2, 100) as rest,
       substr(n_name, 1, 1) as first
from nation
order by n_name
