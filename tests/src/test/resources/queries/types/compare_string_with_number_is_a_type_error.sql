-- expect-error: 42804 Cannot apply operator: varchar = integer
-- Trino refuses to compare a string with a number at planning (it failed at run time with an internal cast error).
select count(*) from nation where n_name = 1
