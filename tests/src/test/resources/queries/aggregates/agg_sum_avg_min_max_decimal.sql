select sum(l_extendedprice), avg(l_extendedprice), min(l_extendedprice), max(l_extendedprice) from lineitem
