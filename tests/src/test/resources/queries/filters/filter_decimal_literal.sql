select count(*) from lineitem where l_tax = 0.08 and l_discount > 0.045
