-- LIKE with _ and % wildcards, and NOT LIKE.
select count(*) as n from part where p_name like '%green%' and p_type not like 'STANDARD%' and p_container like '_M%'
