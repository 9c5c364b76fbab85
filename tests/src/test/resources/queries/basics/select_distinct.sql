-- SELECT DISTINCT over two columns.
select distinct l_returnflag, l_linestatus from lineitem order by 1, 2
