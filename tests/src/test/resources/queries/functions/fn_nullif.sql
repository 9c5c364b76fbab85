-- NULLIF turns a value into NULL.
select count(nullif(c_mktsegment, 'BUILDING')) as not_building, count(*) as all_
from customer
