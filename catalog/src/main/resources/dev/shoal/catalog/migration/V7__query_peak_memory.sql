-- The most memory a query's tasks held (the sum of each task's peak); NULL for queries recorded before it was measured.

ALTER TABLE shoal_query_history ADD COLUMN peak_memory_bytes BIGINT;
