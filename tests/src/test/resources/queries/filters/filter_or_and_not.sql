select count(*) from lineitem where (l_returnflag = 'R' or l_linestatus = 'O') and not (l_quantity > 30)
