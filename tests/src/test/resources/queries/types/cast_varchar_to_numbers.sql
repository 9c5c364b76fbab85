-- CAST of strings to integers, decimals, doubles and dates.
select cast('42' as integer) as i, cast('-7' as bigint) as b, cast('12.345' as decimal(10, 3)) as d,
       cast('2.5' as double) as f, cast('1995-03-15' as date) as dt
