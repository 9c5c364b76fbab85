select l_orderkey, sum(l_quantity) as q from lineitem group by l_orderkey order by q desc, l_orderkey limit 20
