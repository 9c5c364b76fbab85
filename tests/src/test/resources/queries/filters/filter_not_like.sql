select count(*) from customer where c_comment not like '%Customer%Complaints%'
