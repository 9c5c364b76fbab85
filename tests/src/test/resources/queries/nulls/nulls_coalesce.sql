select c_custkey, coalesce(case when c_acctbal > 5000 then c_acctbal end, -1) from customer where c_custkey < 40
