-- SELECT DISTINCT of an expression.
select distinct extract(year from o_orderdate) as y from orders order by y
