-- Standard SQL's EVERY over a boolean per group.
select c_mktsegment, every(c_acctbal > -1000) as all_above
from customer
group by c_mktsegment
order by c_mktsegment
-- duckdb: select c_mktsegment, bool_and(c_acctbal > -1000) as all_above from customer group by c_mktsegment order by c_mktsegment
