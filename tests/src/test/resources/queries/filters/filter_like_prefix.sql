select p_partkey, p_type from part where p_type like 'PROMO%' order by p_partkey limit 15
