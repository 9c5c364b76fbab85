-- DuckDB's equivalent of q89.sql under Trino's semantics (written by make-duckdb-equivalents.py):
-- avg_monthly_sales: avg of a DECIMAL(38,2) sum is a DECIMAL(38,2) rounded half up in Trino (DuckDB: DOUBLE), and |sum_sales - avg_monthly_sales| / avg_monthly_sales a DECIMAL(38,2) quotient: both computed exactly, so that the filter and the order see Trino's values.
SELECT *
FROM
  (
   SELECT
     "i_category"
   , "i_class"
   , "i_brand"
   , "s_store_name"
   , "s_company_name"
   , "d_moy"
   , sum("ss_sales_price") "sum_sales"
   , (CAST(sign(CAST((sum(sum("ss_sales_price")) OVER (PARTITION BY "i_category", "i_brand", "s_store_name", "s_company_name")) * 100 AS HUGEINT)) * sign(CAST((count(sum("ss_sales_price")) OVER (PARTITION BY "i_category", "i_brand", "s_store_name", "s_company_name")) * 100 AS HUGEINT)) * ((2 * abs(CAST((sum(sum("ss_sales_price")) OVER (PARTITION BY "i_category", "i_brand", "s_store_name", "s_company_name")) * 100 AS HUGEINT)) * 100 + abs(CAST((count(sum("ss_sales_price")) OVER (PARTITION BY "i_category", "i_brand", "s_store_name", "s_company_name")) * 100 AS HUGEINT))) // (2 * abs(CAST((count(sum("ss_sales_price")) OVER (PARTITION BY "i_category", "i_brand", "s_store_name", "s_company_name")) * 100 AS HUGEINT)))) AS DECIMAL(38,0)) * 0.01) "avg_monthly_sales"
   FROM
     item
   , store_sales
   , date_dim
   , store
   WHERE ("ss_item_sk" = "i_item_sk")
      AND ("ss_sold_date_sk" = "d_date_sk")
      AND ("ss_store_sk" = "s_store_sk")
      AND ("d_year" IN (1999))
      AND ((("i_category" IN ('Books'         , 'Electronics'         , 'Sports'))
            AND ("i_class" IN ('computers'         , 'stereo'         , 'football')))
         OR (("i_category" IN ('Men'         , 'Jewelry'         , 'Women'))
            AND ("i_class" IN ('shirts'         , 'birdal'         , 'dresses'))))
   GROUP BY "i_category", "i_class", "i_brand", "s_store_name", "s_company_name", "d_moy"
)  tmp1
WHERE ((CASE WHEN ("avg_monthly_sales" <> 0) THEN (CAST(sign(CAST((abs(("sum_sales" - "avg_monthly_sales"))) * 100 AS HUGEINT)) * sign(CAST(("avg_monthly_sales") * 100 AS HUGEINT)) * ((2 * abs(CAST((abs(("sum_sales" - "avg_monthly_sales"))) * 100 AS HUGEINT)) * 100 + abs(CAST(("avg_monthly_sales") * 100 AS HUGEINT))) // (2 * abs(CAST(("avg_monthly_sales") * 100 AS HUGEINT)))) AS DECIMAL(38,0)) * 0.01) ELSE null END) > DECIMAL '0.1')
ORDER BY ("sum_sales" - "avg_monthly_sales") ASC, "s_store_name" ASC
LIMIT 100
