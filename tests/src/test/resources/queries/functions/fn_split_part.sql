-- split_part on the phone numbers' dashes (fields that exist: Trino and DuckDB agree there).
select s_suppkey, split_part(s_phone, '-', 1) as country, split_part(s_phone, '-', 4) as last_
from supplier
where s_suppkey < 20
order by s_suppkey
