select count(*) from partsupp where ps_availqty > 5000 and ps_supplycost < 100
