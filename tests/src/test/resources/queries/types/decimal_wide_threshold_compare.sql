-- TPC-H Q11's shape: a sum times a fraction of 10 digits has scale 12, past 64 bits; the comparison is exact.
select ps_suppkey, sum(ps_supplycost * ps_availqty) as value
from partsupp
group by ps_suppkey
having sum(ps_supplycost * ps_availqty) > (select sum(ps_supplycost * ps_availqty) * 0.0012000000 from partsupp)
order by value desc, ps_suppkey
