select p_partkey, p_retailprice / 3 from part where p_partkey < 30
