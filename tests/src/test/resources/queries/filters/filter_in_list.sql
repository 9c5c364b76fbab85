select count(*) from lineitem where l_shipmode in ('MAIL', 'SHIP', 'TRUCK')
