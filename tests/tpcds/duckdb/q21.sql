-- DuckDB's equivalent of q21.sql under Trino's semantics (written by make-duckdb-equivalents.py):
-- inv_after / inv_before as CAST(inv_after AS DECIMAL(7,2)) / inv_before is a DECIMAL(7,2) quotient in Trino, and 2.00/3.00 is 0.67, 3.00/2.00 is 1.50: computed exactly before BETWEEN (DuckDB divides in DOUBLE).
SELECT *
FROM
  (
   SELECT
     "w_warehouse_name"
   , "i_item_id"
   , sum((CASE WHEN (CAST("d_date" AS DATE) < CAST('2000-03-11' AS DATE)) THEN "inv_quantity_on_hand" ELSE 0 END)) "inv_before"
   , sum((CASE WHEN (CAST("d_date" AS DATE) >= CAST('2000-03-11' AS DATE)) THEN "inv_quantity_on_hand" ELSE 0 END)) "inv_after"
   FROM
     inventory
   , warehouse
   , item
   , date_dim
   WHERE ("i_current_price" BETWEEN DECIMAL '0.99' AND DECIMAL '1.49')
      AND ("i_item_sk" = "inv_item_sk")
      AND ("inv_warehouse_sk" = "w_warehouse_sk")
      AND ("inv_date_sk" = "d_date_sk")
      AND ("d_date" BETWEEN (CAST('2000-03-11' AS DATE) - INTERVAL  '30' DAY) AND (CAST('2000-03-11' AS DATE) + INTERVAL  '30' DAY))
   GROUP BY "w_warehouse_name", "i_item_id"
)  x
WHERE ((CASE WHEN ("inv_before" > 0) THEN (CAST(sign(CAST(("inv_after") * 100 AS HUGEINT)) * sign(CAST(("inv_before") * 100 AS HUGEINT)) * ((2 * abs(CAST(("inv_after") * 100 AS HUGEINT)) * 100 + abs(CAST(("inv_before") * 100 AS HUGEINT))) // (2 * abs(CAST(("inv_before") * 100 AS HUGEINT)))) AS DECIMAL(38,0)) * 0.01) ELSE null END) BETWEEN (CAST(sign(CAST((2) * 100 AS HUGEINT)) * sign(CAST((3) * 100 AS HUGEINT)) * ((2 * abs(CAST((2) * 100 AS HUGEINT)) * 100 + abs(CAST((3) * 100 AS HUGEINT))) // (2 * abs(CAST((3) * 100 AS HUGEINT)))) AS DECIMAL(38,0)) * 0.01) AND (CAST(sign(CAST((3) * 100 AS HUGEINT)) * sign(CAST((2) * 100 AS HUGEINT)) * ((2 * abs(CAST((3) * 100 AS HUGEINT)) * 100 + abs(CAST((2) * 100 AS HUGEINT))) // (2 * abs(CAST((2) * 100 AS HUGEINT)))) AS DECIMAL(38,0)) * 0.01))
ORDER BY "w_warehouse_name" ASC, "i_item_id" ASC
LIMIT 100
