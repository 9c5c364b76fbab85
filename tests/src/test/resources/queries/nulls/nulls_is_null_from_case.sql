select count(*), count(q) from (select case when l_returnflag = 'R' then l_quantity end as q from lineitem) where q is null or q > 45
