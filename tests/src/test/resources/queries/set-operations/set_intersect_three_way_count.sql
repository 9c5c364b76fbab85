-- count(*) of a three-way INTERSECT of DISTINCT (name, date) rows (TPC-DS q38).
select count(*) from (
  select distinct c_name, o_orderdate from customer join orders on c_custkey = o_custkey where o_orderpriority = '1-URGENT'
  intersect
  select distinct c_name, o_orderdate from customer join orders on c_custkey = o_custkey where o_totalprice > 100000
  intersect
  select distinct c_name, o_orderdate from customer join orders on c_custkey = o_custkey where c_mktsegment <> 'BUILDING'
) t
