select k, count(*), sum(o_totalprice) from (select case when o_orderpriority = '1-URGENT' then o_orderstatus end as k, o_totalprice from orders) group by k
