select n_nationkey, coalesce(case when n_regionkey = 1 then n_name end, 'other') from nation
