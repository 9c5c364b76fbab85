select n_regionkey, n_name from nation order by n_regionkey desc, n_name
