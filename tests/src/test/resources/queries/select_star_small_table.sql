select * from region
