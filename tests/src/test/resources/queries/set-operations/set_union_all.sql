-- UNION ALL of two distributed scans keeps duplicates.
select n_regionkey as k from nation
union all
select r_regionkey from region
order by k
