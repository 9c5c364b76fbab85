select * from nation where n_regionkey = 3
