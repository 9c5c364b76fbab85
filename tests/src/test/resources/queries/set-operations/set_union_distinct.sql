-- UNION removes duplicates across and within inputs.
select n_regionkey as k from nation
union
select r_regionkey from region
order by k
