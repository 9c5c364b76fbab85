select n_name, n_regionkey not in (1, 2), case when n_regionkey > 2 then n_nationkey end > 10 from nation
