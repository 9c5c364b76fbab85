-- LIKE with several '%' pieces matches them in order on the bytes; a piece may not overlap the prefix or suffix.
select o_orderpriority,
       count(case when o_comment like '%special%requests%' then 1 end) as special_requests,
       count(case when o_comment like 'e%s%y' then 1 end) as e_s_y,
       count(case when o_comment like '%%ly%%' then 1 end) as ly,
       count(case when o_orderstatus like 'F%F' then 1 end) as overlap_never
from orders
group by o_orderpriority
order by o_orderpriority
