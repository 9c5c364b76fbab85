select o_orderkey, k from (select o_orderkey, case when o_orderstatus = 'P' then o_orderpriority end as k from orders where o_orderkey < 300) order by k nulls first, o_orderkey
