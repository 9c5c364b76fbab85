-- Aggregates with FILTER (WHERE ...), split into partial and final aggregation.
select l_returnflag,
       count(*) filter (where l_discount > 0.05) as discounted,
       sum(l_quantity) filter (where l_shipmode = 'AIR') as air_quantity,
       avg(l_extendedprice) filter (where l_tax = 0) as untaxed_avg,
       count(*) as lines
from lineitem
group by l_returnflag
order by l_returnflag
