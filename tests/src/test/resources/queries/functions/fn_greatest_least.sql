-- greatest and least across columns of one type.
select l_orderkey, l_linenumber, greatest(l_shipdate, l_commitdate, l_receiptdate) as last_date,
       least(l_shipdate, l_commitdate, l_receiptdate) as first_date, greatest(l_quantity, l_discount) as bigger
from lineitem
where l_orderkey < 40
order by l_orderkey, l_linenumber
