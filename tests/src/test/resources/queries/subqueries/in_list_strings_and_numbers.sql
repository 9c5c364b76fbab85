-- IN lists of strings and of numbers, and NOT IN.
select count(*) as n from lineitem
where l_shipmode in ('MAIL', 'SHIP') and l_linenumber not in (1, 7) and l_quantity in (1, 2, 3, 4, 5)
