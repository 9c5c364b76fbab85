-- % of decimals by decimals and integers keeps the larger scale, exact in both engines.
select l_orderkey, l_linenumber, l_extendedprice % l_quantity as a, l_extendedprice % 7 as b,
       l_discount % cast(0.03 as decimal(3,2)) as c, l_quantity % l_linenumber as d
from lineitem
where l_orderkey < 100
order by l_orderkey, l_linenumber
