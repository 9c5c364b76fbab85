-- current_date: every TPC-H order date lies before today.
select count(*) as past_orders from orders where o_orderdate < current_date
