-- Views: the query as written, planned again at each read, and the columns it had when created.

CREATE TABLE shoal_views (
    schema_name VARCHAR(255)  NOT NULL REFERENCES shoal_schemas (name),
    name        VARCHAR(255)  NOT NULL,
    sql_text    TEXT          NOT NULL,
    -- The schema of unqualified names in sql_text: the creating session's.
    sql_schema  VARCHAR(255)  NOT NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (schema_name, name)
);

CREATE TABLE shoal_view_columns (
    schema_name VARCHAR(255)  NOT NULL,
    view_name   VARCHAR(255)  NOT NULL,
    position    INTEGER       NOT NULL,
    name        VARCHAR(255)  NOT NULL,
    type        VARCHAR(64)   NOT NULL,
    PRIMARY KEY (schema_name, view_name, position),
    FOREIGN KEY (schema_name, view_name) REFERENCES shoal_views (schema_name, name)
);
