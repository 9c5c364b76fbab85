-- Writes in progress: recorded before a write stores its first file, removed in the transaction that
-- commits it (or once its files are cleaned up). A row whose coordinator stopped renewing it belongs
-- to a coordinator that died mid-write: another one deletes its files and the row.

CREATE TABLE shoal_pending_writes (
    write_id    VARCHAR(64)   NOT NULL PRIMARY KEY,
    location    VARCHAR(2048) NOT NULL,
    table_name  VARCHAR(512)  NOT NULL,
    -- The coordinator running the write: a random id per coordinator process.
    owner       VARCHAR(64)   NOT NULL,
    -- Until when the owner vouches for it (epoch ms): renewed while the write runs, by its own lease.
    expires_at  BIGINT        NOT NULL
);
