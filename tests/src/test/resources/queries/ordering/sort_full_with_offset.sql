select r_regionkey, r_name from region order by r_name limit 3 offset 1
