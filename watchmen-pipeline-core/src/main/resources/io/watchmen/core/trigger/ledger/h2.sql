-- Delivery ledger of Watchmen Serverless for Java (project-owned; never touches Watchmen's tables).
-- One row per trigger item that was done: written in the item's own transaction.
CREATE TABLE IF NOT EXISTS wmx_delivery_ledger (
    delivery_key CHAR(64) NOT NULL,
    provider VARCHAR(50) NOT NULL,
    bucket VARCHAR(255) NOT NULL,
    object_key VARCHAR(1024) NOT NULL,
    object_version VARCHAR(1024) NULL,
    object_size BIGINT NOT NULL,
    content_sha256 CHAR(64) NULL,
    item_index INT NOT NULL,
    status VARCHAR(16) NOT NULL,
    trace_id VARCHAR(50) NULL,
    data_id BIGINT NULL,
    claimed_at TIMESTAMP NOT NULL,
    done_at TIMESTAMP NULL,
    PRIMARY KEY (delivery_key)
);
-- Failed trigger items, written in a transaction of their own; dead letters wait for a replay.
CREATE TABLE IF NOT EXISTS wmx_failed_deliveries (
    delivery_key CHAR(64) NOT NULL,
    provider VARCHAR(50) NOT NULL,
    bucket VARCHAR(255) NOT NULL,
    object_key VARCHAR(1024) NOT NULL,
    object_version VARCHAR(1024) NULL,
    object_size BIGINT NOT NULL,
    content_sha256 CHAR(64) NULL,
    item_index INT NOT NULL,
    trace_id VARCHAR(50) NULL,
    error_code VARCHAR(50) NOT NULL,
    error_message VARCHAR(1000) NULL,
    attempts INT NOT NULL,
    first_failed_at TIMESTAMP NOT NULL,
    last_failed_at TIMESTAMP NOT NULL,
    raw_content CLOB NULL,
    dead_lettered BOOLEAN NOT NULL,
    PRIMARY KEY (delivery_key)
);
CREATE INDEX IF NOT EXISTS i_wmx_ledger_done_at ON wmx_delivery_ledger (done_at);
CREATE INDEX IF NOT EXISTS i_wmx_failed_dead_lettered ON wmx_failed_deliveries (dead_lettered, last_failed_at);
