-- The last queries a coordinator ran, so that system.runtime.queries still lists them after a restart.
-- Times are epoch milliseconds; a query that never started execution has no started_at.

CREATE TABLE shoal_query_history (
    query_id          VARCHAR(64)   NOT NULL PRIMARY KEY,
    state             VARCHAR(16)   NOT NULL,
    user_name         VARCHAR(255)  NOT NULL,
    source            VARCHAR(255),
    query_text        TEXT          NOT NULL,
    queued_ms         BIGINT        NOT NULL,
    analysis_ms       BIGINT        NOT NULL,
    planning_ms       BIGINT        NOT NULL,
    created_at        BIGINT        NOT NULL,
    started_at        BIGINT,
    last_heartbeat_at BIGINT        NOT NULL,
    ended_at          BIGINT        NOT NULL,
    error_type        VARCHAR(32),
    error_code        VARCHAR(64),
    error_message     TEXT,
    output_rows       BIGINT        NOT NULL,
    bytes_scanned     BIGINT        NOT NULL
);

CREATE INDEX shoal_query_history_ended ON shoal_query_history (ended_at);
