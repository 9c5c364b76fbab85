-- Hive-style partitions: a partitioned table's last columns are its partition columns, whose values
-- are in folder names (k1=v1/k2=v2), not in its files. Each partition has its own location; for a
-- table Shoal wrote, its files are committed under it (shoal_files.partition_name).

ALTER TABLE shoal_columns ADD COLUMN partition_key SMALLINT NOT NULL DEFAULT 0;

CREATE TABLE shoal_partitions (
    schema_name VARCHAR(255)  NOT NULL,
    table_name  VARCHAR(255)  NOT NULL,
    -- Hive's partition name, values escaped as in folder names: l_shipmode=AIR/year=2024
    name        VARCHAR(2048) NOT NULL,
    location    VARCHAR(2048) NOT NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (schema_name, table_name, name),
    FOREIGN KEY (schema_name, table_name) REFERENCES shoal_tables (schema_name, name)
);

-- '' for a file of an unpartitioned table.
ALTER TABLE shoal_files ADD COLUMN partition_name VARCHAR(2048) NOT NULL DEFAULT '';
