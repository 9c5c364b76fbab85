select ps_partkey, ps_suppkey, ps_supplycost * ps_availqty as stock_value from partsupp order by stock_value desc, ps_partkey limit 10
