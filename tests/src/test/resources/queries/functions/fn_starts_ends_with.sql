-- starts_with and ends_with as filters and values.
select p_type, starts_with(p_type, 'PROMO') as promo, ends_with(p_type, 'BRASS') as brass
from part
where p_partkey < 30
order by p_partkey
