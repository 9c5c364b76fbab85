-- The files committed to a table Shoal wrote (CREATE TABLE AS, INSERT): such a table is read from
-- this list, never by listing its location, so a failed or concurrent write's files are never read.

ALTER TABLE shoal_tables ADD COLUMN has_file_list SMALLINT NOT NULL DEFAULT 0;

CREATE TABLE shoal_files (
    schema_name VARCHAR(255)  NOT NULL,
    table_name  VARCHAR(255)  NOT NULL,
    path        VARCHAR(2048) NOT NULL,
    bytes       BIGINT        NOT NULL,
    row_count   BIGINT        NOT NULL,
    PRIMARY KEY (schema_name, table_name, path),
    FOREIGN KEY (schema_name, table_name) REFERENCES shoal_tables (schema_name, name)
);
