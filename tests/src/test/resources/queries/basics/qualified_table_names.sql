select count(*) from tpch.supplier where s_acctbal > 0
