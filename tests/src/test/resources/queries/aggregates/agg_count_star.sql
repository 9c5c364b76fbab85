select count(*) from lineitem
