select min(l_shipmode), max(l_shipmode), min(l_shipdate), max(l_receiptdate) from lineitem
