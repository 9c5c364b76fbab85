-- substring is Trino's substr under another name (DuckDB agrees): a negative start counts from the
-- end, with and without a length, in both spellings. The SQL standard reads -3 as three places
-- before the first character instead.
select n_name, substring(n_name, -3) as last3, substring(n_name FROM -4 FOR 2) as two_of_last4,
       substring(n_name, 2) as rest
from nation
order by n_name
