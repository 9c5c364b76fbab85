-- Standard deviation and variance, sample and population, over doubles (Trino and DuckDB both return DOUBLE).
select l_returnflag, stddev(cast(l_quantity as double)) as sd, stddev_pop(cast(l_quantity as double)) as sdp,
       variance(cast(l_extendedprice as double)) as v, var_pop(cast(l_discount as double)) as vp
from lineitem
group by l_returnflag
order by l_returnflag
