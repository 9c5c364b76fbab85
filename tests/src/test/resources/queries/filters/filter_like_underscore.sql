select count(*) from part where p_container like 'SM _ASE'
