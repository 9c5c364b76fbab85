select sum(l_linenumber), avg(l_linenumber), min(l_linenumber), max(l_linenumber) from lineitem
