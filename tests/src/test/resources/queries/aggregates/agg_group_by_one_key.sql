select l_shipmode, count(*), sum(l_quantity) from lineitem group by l_shipmode
