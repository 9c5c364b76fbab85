-- regexp_extract with and without a group, on strings that match (on no match Trino gives NULL, DuckDB '').
select c_custkey, regexp_extract(c_phone, '[0-9]+') as first_digits, regexp_extract(c_phone, '([0-9]+)-([0-9]+)', 2) as second
from customer
where c_custkey < 20
order by c_custkey
