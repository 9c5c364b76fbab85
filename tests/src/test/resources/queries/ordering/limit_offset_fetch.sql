-- OFFSET ... FETCH FIRST, the standard spelling.
select n_name from nation order by n_name offset 5 rows fetch first 4 rows only
