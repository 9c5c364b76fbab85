-- regexp_like (Trino) finds a match anywhere; DuckDB calls it regexp_matches.
select count(*) as matching from customer where regexp_like(c_phone, '^1[0-5]-')
-- duckdb: select count(*) as matching from customer where regexp_matches(c_phone, '^1[0-5]-')
