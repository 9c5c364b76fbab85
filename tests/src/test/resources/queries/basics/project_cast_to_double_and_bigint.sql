select n_nationkey, cast(n_nationkey as double) / 4, cast(n_regionkey as bigint) * 1000000000 from nation
