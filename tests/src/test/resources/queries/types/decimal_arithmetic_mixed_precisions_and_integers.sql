-- + - * % with mixed precisions and integers: exact in both engines (Trino's result types, which
-- Calcite derives the same way: + and - widen by one digit, * adds precisions and scales, % keeps
-- the larger scale).
select l_orderkey, l_linenumber,
       l_extendedprice + l_discount as plus,
       l_quantity - l_linenumber as minus_int,
       l_extendedprice * l_discount as times,
       l_extendedprice * (1 - l_discount) * (1 + l_tax) as charge,
       l_quantity * 3 as times_int,
       l_extendedprice % l_quantity as modulo,
       l_extendedprice % 7 as modulo_int,
       cast(l_discount as decimal(5,4)) + cast(l_tax as decimal(3,2)) as mixed_scale
from lineitem
where l_orderkey < 500
order by l_orderkey, l_linenumber
