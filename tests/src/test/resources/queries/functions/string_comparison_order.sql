-- String comparisons and ordering by bytes (code point order).
select n_name from nation where n_name between 'C' and 'J' and n_name <> 'FRANCE' order by n_name desc
