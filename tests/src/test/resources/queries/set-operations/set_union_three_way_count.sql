-- COUNT(*) over a three-way UNION ALL (no column read by the count).
select count(*) from (
    select o_orderkey from orders
    union all select c_custkey from customer
    union all select p_partkey from part
) t
