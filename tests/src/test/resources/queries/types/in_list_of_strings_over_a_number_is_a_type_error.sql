-- expect-error: 42804 Cannot apply operator: bigint IN char
-- An IN list of strings over a BIGINT column: Trino's "Cannot apply operator", not a failure while running.
select count(*) from nation where n_regionkey in ('a', 'b')
