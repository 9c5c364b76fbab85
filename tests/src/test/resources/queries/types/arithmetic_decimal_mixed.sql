-- Exact decimal arithmetic mixing scales and integers.
select l_orderkey, l_linenumber, l_extendedprice * (1 - l_discount) * (1 + l_tax) as charge,
       l_quantity * 2 + 1 as q, l_extendedprice / l_quantity as unit_price
from lineitem
where l_orderkey < 20
order by l_orderkey, l_linenumber
