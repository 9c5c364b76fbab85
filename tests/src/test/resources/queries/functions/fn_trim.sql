-- TRIM in its three forms and with other characters, ltrim and rtrim.
select trim('  padded  ') as both_, trim(leading from '  padded  ') as lead_, trim(trailing from '  padded  ') as trail_,
       trim(both 'x' from 'xxpaddedxx') as xs, ltrim('  left') as l, rtrim('right  ') as r
