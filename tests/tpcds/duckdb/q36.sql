-- DuckDB's equivalent of q36.sql under Trino's semantics, where the two engines differ:
-- gross_margin: sum(ss_net_profit) / sum(ss_ext_sales_price) is a DECIMAL(38,2) quotient in Trino (DuckDB: DOUBLE): rounded to 2 digits here, as DECIMAL(38,2), in the select list and in rank()'s ORDER BY, so that ties rank as in Trino.
SELECT
  CAST(round(sum("ss_net_profit") / sum("ss_ext_sales_price"), 2) AS DECIMAL(38,2)) "gross_margin"
, "i_category"
, "i_class"
, (GROUPING ("i_category") + GROUPING ("i_class")) "lochierarchy"
, "rank"() OVER (PARTITION BY (GROUPING ("i_category") + GROUPING ("i_class")), (CASE WHEN (GROUPING ("i_class") = 0) THEN "i_category" END) ORDER BY CAST(round(sum("ss_net_profit") / sum("ss_ext_sales_price"), 2) AS DECIMAL(38,2)) ASC) "rank_within_parent"
FROM
  store_sales
, date_dim d1
, item
, store
WHERE (d1."d_year" = 2001)
   AND (d1."d_date_sk" = "ss_sold_date_sk")
   AND ("i_item_sk" = "ss_item_sk")
   AND ("s_store_sk" = "ss_store_sk")
   AND ("s_state" IN (
     'TN'
   , 'TN'
   , 'TN'
   , 'TN'
   , 'TN'
   , 'TN'
   , 'TN'
   , 'TN'))
GROUP BY ROLLUP (i_category, i_class)
ORDER BY "lochierarchy" DESC, (CASE WHEN ("lochierarchy" = 0) THEN "i_category" END) ASC, "rank_within_parent" ASC, "i_category", "i_class"
LIMIT 100
