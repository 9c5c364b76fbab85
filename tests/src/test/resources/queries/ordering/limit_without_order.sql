select count(*) from (select l_orderkey from lineitem limit 100)
