select count(*) from lineitem where l_shipinstruct not in ('NONE', 'COLLECT COD')
