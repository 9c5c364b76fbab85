-- The catalog's own tables. Portable SQL: the same script runs on SQLite and PostgreSQL.
-- Names are stored lower-case: Shoal matches schema, table and column names case-insensitively.

CREATE TABLE shoal_schemas (
    name        VARCHAR(255)  NOT NULL PRIMARY KEY,
    location    VARCHAR(2048),
    created_at  BIGINT        NOT NULL
);

CREATE TABLE shoal_tables (
    schema_name VARCHAR(255)  NOT NULL REFERENCES shoal_schemas (name),
    name        VARCHAR(255)  NOT NULL,
    -- EXTERNAL: files owned by the user, DROP forgets them; MANAGED: files under the warehouse.
    kind        VARCHAR(16)   NOT NULL,
    location    VARCHAR(2048) NOT NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (schema_name, name)
);

CREATE TABLE shoal_columns (
    schema_name VARCHAR(255)  NOT NULL,
    table_name  VARCHAR(255)  NOT NULL,
    position    INTEGER       NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    -- Shoal's type name as DataType prints it: BIGINT, DECIMAL(15,2), VARCHAR, ...
    type        VARCHAR(64)   NOT NULL,
    comment     VARCHAR(1024),
    PRIMARY KEY (schema_name, table_name, position),
    FOREIGN KEY (schema_name, table_name) REFERENCES shoal_tables (schema_name, name)
);

CREATE TABLE shoal_table_properties (
    schema_name VARCHAR(255)  NOT NULL,
    table_name  VARCHAR(255)  NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    value       VARCHAR(4096) NOT NULL,
    PRIMARY KEY (schema_name, table_name, name),
    FOREIGN KEY (schema_name, table_name) REFERENCES shoal_tables (schema_name, name)
);
