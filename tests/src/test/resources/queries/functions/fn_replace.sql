-- replace(s, search[, replacement]); Trino's two-argument form removes every occurrence.
select n_name, replace(n_name, 'A', 'a') as lowered_a, replace(n_name, 'AN', '') as without_an, replace(n_name, 'A') as no_a
from nation
order by n_name
-- duckdb: select n_name, replace(n_name, 'A', 'a') as lowered_a, replace(n_name, 'AN', '') as without_an, replace(n_name, 'A', '') as no_a
-- duckdb: from nation order by n_name
