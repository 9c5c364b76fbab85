-- regexp_replace replaces every match in Trino; DuckDB needs the 'g' option for that.
select c_custkey, regexp_replace(c_phone, '[0-9]', '#') as masked, regexp_replace(c_phone, '-') as digits
from customer
where c_custkey < 20
order by c_custkey
-- duckdb: select c_custkey, regexp_replace(c_phone, '[0-9]', '#', 'g') as masked, regexp_replace(c_phone, '-', '', 'g') as digits
-- duckdb: from customer where c_custkey < 20 order by c_custkey
