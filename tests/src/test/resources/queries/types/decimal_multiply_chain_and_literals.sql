-- Products of decimals with decimal and integer literals (scale s1 + s2), and sums of them.
select l_returnflag, sum(l_extendedprice * l_discount * 0.5) as half_discount,
       sum(l_quantity * 2 * 1.25) as weighted, sum(l_extendedprice * (1 - l_discount) * 1.10) as marked_up
from lineitem
group by l_returnflag
order by l_returnflag
