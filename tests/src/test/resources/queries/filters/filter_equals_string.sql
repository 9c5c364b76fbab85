select l_orderkey, l_linenumber, l_shipmode from lineitem where l_shipmode = 'AIR' and l_quantity > 49
