select count(l_orderkey), count(distinct l_orderkey), count(distinct l_returnflag) from lineitem
