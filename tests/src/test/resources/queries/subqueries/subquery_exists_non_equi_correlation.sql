-- EXISTS and NOT EXISTS correlated by more than equalities (as TPC-H Q21) become semi and anti
-- joins with a residual condition; NULL suppliers on either side never satisfy the <>.
with l1 as (
    select l_orderkey, case when l_linenumber = 2 then null else l_suppkey end as l_suppkey, l_linenumber
    from lineitem where l_orderkey < 2000
), l2 as (
    select l_orderkey, case when l_linenumber = 3 then null else l_suppkey end as l_suppkey, l_receiptdate, l_commitdate
    from lineitem where l_orderkey < 2000
)
select l1.l_linenumber,
       count(*) as lines,
       sum(case when exists (select 1 from l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey) then 1 else 0 end) as marked
from l1
where exists (select 1 from l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey)
  and not exists (select 1 from l2 where l2.l_orderkey = l1.l_orderkey and l2.l_suppkey <> l1.l_suppkey
                  and l2.l_receiptdate > l2.l_commitdate)
group by l1.l_linenumber
order by l1.l_linenumber
