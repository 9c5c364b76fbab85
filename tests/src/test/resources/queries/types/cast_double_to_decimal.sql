-- CAST of doubles to decimals and integers.
select cast(2.675e0 as decimal(10, 2)) as d, cast(1e3 / 3 as decimal(10, 4)) as third, cast(7.5e0 as integer) as rounded
