select s_suppkey, -s_acctbal, abs(s_acctbal) from supplier where s_suppkey < 30
