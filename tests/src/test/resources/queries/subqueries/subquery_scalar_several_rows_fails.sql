-- A scalar subquery that returns several rows fails when it runs, with Trino's message (SQL's
-- cardinality violation, SQLSTATE 21000); one that is not provably one row is no planning error.
-- expect-error: 21000 Scalar sub-query has returned multiple rows
select n_name, (select r_name from region where r_regionkey < n_regionkey) from nation
