select count(*) from lineitem where l_commitdate < l_receiptdate and l_shipdate < l_commitdate
