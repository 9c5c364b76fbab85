-- DuckDB's equivalent of q36.sql under Trino's semantics (written by make-duckdb-equivalents.py):
-- gross_margin: sum(ss_net_profit) / sum(ss_ext_sales_price) is a DECIMAL(38,2) quotient in Trino (DuckDB: DOUBLE): computed exactly, in the select list and in rank()'s ORDER BY, so that ties rank as in Trino.
SELECT
  (CAST(sign(CAST((sum("ss_net_profit")) * 100 AS HUGEINT)) * sign(CAST((sum("ss_ext_sales_price")) * 100 AS HUGEINT)) * ((2 * abs(CAST((sum("ss_net_profit")) * 100 AS HUGEINT)) * 100 + abs(CAST((sum("ss_ext_sales_price")) * 100 AS HUGEINT))) // (2 * abs(CAST((sum("ss_ext_sales_price")) * 100 AS HUGEINT)))) AS DECIMAL(38,0)) * 0.01) "gross_margin"
, "i_category"
, "i_class"
, (GROUPING ("i_category") + GROUPING ("i_class")) "lochierarchy"
, "rank"() OVER (PARTITION BY (GROUPING ("i_category") + GROUPING ("i_class")), (CASE WHEN (GROUPING ("i_class") = 0) THEN "i_category" END) ORDER BY (CAST(sign(CAST((sum("ss_net_profit")) * 100 AS HUGEINT)) * sign(CAST((sum("ss_ext_sales_price")) * 100 AS HUGEINT)) * ((2 * abs(CAST((sum("ss_net_profit")) * 100 AS HUGEINT)) * 100 + abs(CAST((sum("ss_ext_sales_price")) * 100 AS HUGEINT))) // (2 * abs(CAST((sum("ss_ext_sales_price")) * 100 AS HUGEINT)))) AS DECIMAL(38,0)) * 0.01) ASC) "rank_within_parent"
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
