-- EXCEPT: nations with customers but without any supplier with a balance over 9700.
select c_nationkey from customer
except
select s_nationkey from supplier where s_acctbal > 9700
order by 1
