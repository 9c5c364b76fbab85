-- UNION ALL of a typed column and an untyped NULL (and an INTEGER literal beside a BIGINT column):
-- every branch is cast to the union's column types.
select n_nationkey as k, n_name as name from nation where n_regionkey = 1
union all
select null, 'none'
union all
select 99, null
order by k nulls first, name
