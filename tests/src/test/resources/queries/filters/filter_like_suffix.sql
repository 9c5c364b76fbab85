select count(*) from part where p_type like '%BRASS'
