-- Values past 18 digits: each product needs 128 bits, so do the per-group sums (partial sums cross a HASH exchange as Decimal128).
select l_returnflag, sum(l_extendedprice * 1000000000000000) as total, max(l_extendedprice * 1000000000000000) as biggest,
       min(l_extendedprice * 1000000000000000) as smallest
from lineitem
group by l_returnflag
order by l_returnflag
