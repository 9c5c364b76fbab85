-- A timestamp literal beside an ORDER BY on a column it does not show: Calcite's constant folding
-- (milliseconds) cut it to 23:59:59.123 here; the executor keeps the microseconds.
select timestamp '2024-02-29 23:59:59.123456' as ts, cast(timestamp '2024-02-29 23:59:59.123456' + interval '1' day as varchar) as next_day
from nation
order by n_nationkey
limit 3
