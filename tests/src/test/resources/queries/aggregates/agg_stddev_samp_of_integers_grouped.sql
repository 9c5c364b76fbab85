-- stddev_samp and the coefficient of variation of integer quantities (TPC-DS q17, q39).
select l_shipmode, stddev_samp(l_linenumber) as sd, avg(l_linenumber) as mean,
       stddev_samp(l_linenumber) / avg(l_linenumber) as cov
from lineitem
group by l_shipmode
order by l_shipmode
