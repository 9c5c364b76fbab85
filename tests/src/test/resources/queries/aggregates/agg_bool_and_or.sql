-- bool_and and bool_or per group.
select o_orderpriority, bool_and(o_totalprice > 1000) as all_over_1000, bool_or(o_totalprice > 500000) as any_over_500k
from orders
group by o_orderpriority
order by o_orderpriority
