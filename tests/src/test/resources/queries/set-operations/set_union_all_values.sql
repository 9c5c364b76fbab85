-- A UNION ALL of constants (one task) and a scan (every worker): the constants are dealt round-robin.
select k, count(*) as n
from (
    select n_regionkey as k from nation
    union all
    select * from (values (0), (1), (7)) v(k)
) t
group by k
order by k
