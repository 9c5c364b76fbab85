-- EXCEPT: nations with customers but without any supplier over the balance.
select c_nationkey from customer
except
select s_nationkey from supplier where s_acctbal > 5000
order by 1
