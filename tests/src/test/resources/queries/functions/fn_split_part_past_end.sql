-- split_part past the last field: NULL in Trino, '' in DuckDB. Shoal follows Trino.
select split_part('a-b', '-', 3) is null as past_end_is_null
-- duckdb: select true as past_end_is_null
