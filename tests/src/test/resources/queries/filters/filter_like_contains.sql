select count(*) from orders where o_comment like '%special%requests%'
