select count(*) from lineitem where l_shipdate <= date '1998-12-01' - interval '90' day
