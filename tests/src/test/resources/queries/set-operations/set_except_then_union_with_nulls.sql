-- EXCEPT of rows with NULLs, then a UNION with the other side's leftovers.
(select nullif(n_regionkey, 2) as r, n_nationkey % 5 as m from nation
 except
 select nullif(r_regionkey, 2), 1 from region)
union
(select null, 7)
order by r nulls first, m
