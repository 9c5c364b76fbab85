-- lpad and rpad: padding, and truncation when the string is longer than the size.
select n_nationkey, lpad(cast(n_nationkey as varchar), 4, '0') as padded, rpad(n_name, 5, '.') as name5,
       lpad(n_name, 3, '*') as cut
from nation
order by n_nationkey
