-- power, sqrt, ln, exp and sign on doubles and decimals.
select p_partkey, power(cast(p_size as double), 2) as sq, sqrt(p_retailprice) as root, ln(p_retailprice) as log_,
       exp(p_size / 10.0) as e, sign(p_retailprice - 1500) as s
from part
where p_partkey < 25
order by p_partkey
