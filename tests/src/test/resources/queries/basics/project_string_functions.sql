select c_custkey, upper(c_mktsegment), lower(c_name), char_length(c_address), substring(c_phone, 1, 2), c_name || '/' || c_mktsegment from customer where c_custkey <= 20
