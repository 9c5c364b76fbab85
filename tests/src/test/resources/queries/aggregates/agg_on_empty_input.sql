select count(*), sum(l_quantity), max(l_comment) from lineitem where l_quantity < 0
