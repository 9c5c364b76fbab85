select ps_partkey, ps_suppkey, ps_availqty * 2 + 1, ps_availqty - ps_partkey from partsupp where ps_partkey < 10
