select count(*), count(case when l_returnflag = 'R' then 1 end) from lineitem
