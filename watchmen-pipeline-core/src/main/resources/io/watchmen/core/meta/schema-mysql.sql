-- Watchmen meta tables as they stand after every reference migration up to 18.1.2 (MySQL, MariaDB).
-- One "-- table:" block per table; MetaSchema runs a block only when its table is absent.

-- table: tenants
CREATE TABLE IF NOT EXISTS tenants
(
    tenant_id        VARCHAR(50) NOT NULL,
    name             VARCHAR(50),
    created_at       DATETIME    NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at DATETIME    NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          BIGINT,
    enable_ai        TINYINT(1)  NULL DEFAULT 0,
    PRIMARY KEY (tenant_id),
    INDEX (created_at),
    INDEX (created_by),
    INDEX (last_modified_at),
    INDEX (last_modified_by)
);

-- table: users
CREATE TABLE IF NOT EXISTS users
(
    user_id          VARCHAR(50) NOT NULL,
    name             VARCHAR(50),
    nickname         VARCHAR(50),
    password         VARCHAR(255),
    is_active        TINYINT(1)  NOT NULL,
    group_ids        JSON,
    role             VARCHAR(20) NOT NULL,
    tenant_id        VARCHAR(50) NOT NULL,
    created_at       DATETIME    NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at DATETIME    NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          BIGINT,
    email            VARCHAR(100) NULL,
    PRIMARY KEY (user_id),
    UNIQUE INDEX (name),
    INDEX (role),
    INDEX (tenant_id),
    INDEX (created_at),
    INDEX (created_by),
    INDEX (last_modified_at),
    INDEX (last_modified_by)
);

-- table: pats
CREATE TABLE IF NOT EXISTS pats
(
    pat_id      VARCHAR(50)  NOT NULL,
    token       VARCHAR(255) NOT NULL,
    user_id     VARCHAR(50)  NOT NULL,
    username    VARCHAR(50),
    tenant_id   VARCHAR(50)  NOT NULL,
    note        VARCHAR(255),
    expired     DATETIME,
    permissions JSON,
    created_at  DATETIME     NOT NULL,
    PRIMARY KEY (pat_id),
    INDEX (token),
    INDEX (user_id),
    INDEX (username),
    INDEX (tenant_id)
);

-- table: data_sources
CREATE TABLE IF NOT EXISTS data_sources
(
    data_source_id   VARCHAR(50)  NOT NULL,
    data_source_code VARCHAR(50)  NOT NULL,
    data_source_type VARCHAR(20)  NOT NULL,
    host             VARCHAR(100),
    port             VARCHAR(5),
    username         VARCHAR(50),
    password         VARCHAR(50),
    name             VARCHAR(50),
    url              VARCHAR(255),
    params           JSON,
    tenant_id        VARCHAR(50)  NOT NULL,
    created_at       DATETIME     NOT NULL,
    created_by       VARCHAR(50)  NOT NULL,
    last_modified_at DATETIME     NOT NULL,
    last_modified_by VARCHAR(50)  NOT NULL,
    version          BIGINT,
    PRIMARY KEY (data_source_id),
    INDEX (data_source_code),
    INDEX (data_source_type),
    INDEX (tenant_id),
    INDEX (created_at),
    INDEX (created_by),
    INDEX (last_modified_at),
    INDEX (last_modified_by)
);

-- table: external_writers
CREATE TABLE IF NOT EXISTS external_writers
(
    writer_id        VARCHAR(50) NOT NULL,
    writer_code      VARCHAR(50) NOT NULL,
    type             VARCHAR(50) NOT NULL,
    pat              VARCHAR(255),
    url              VARCHAR(255),
    tenant_id        VARCHAR(50) NOT NULL,
    created_at       DATETIME    NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at DATETIME    NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          BIGINT,
    name             VARCHAR(255) NULL,
    PRIMARY KEY (writer_id),
    INDEX (writer_code),
    INDEX (type),
    INDEX (tenant_id),
    UNIQUE INDEX (writer_code, tenant_id),
    INDEX (created_at),
    INDEX (created_by),
    INDEX (last_modified_at),
    INDEX (last_modified_by)
);

-- table: topics
-- name is nullable as after the reference's 16.2.0 "MODIFY name VARCHAR(64)" (spec storage 1.2 quirk).
CREATE TABLE IF NOT EXISTS topics
(
    topic_id         VARCHAR(50) NOT NULL,
    name             VARCHAR(64),
    description      VARCHAR(1024),
    type             VARCHAR(20) NOT NULL,
    kind             VARCHAR(20) NOT NULL,
    data_source_id   VARCHAR(50),
    factors          JSON,
    tenant_id        VARCHAR(50) NOT NULL,
    created_at       DATETIME    NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at DATETIME    NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          BIGINT,
    PRIMARY KEY (topic_id),
    INDEX (name),
    INDEX (type),
    INDEX (kind),
    INDEX (data_source_id),
    UNIQUE INDEX (name, tenant_id),
    INDEX (tenant_id),
    INDEX (created_at),
    INDEX (created_by),
    INDEX (last_modified_at),
    INDEX (last_modified_by)
);

-- table: pipelines
CREATE TABLE IF NOT EXISTS pipelines
(
    pipeline_id          VARCHAR(50)  NOT NULL,
    topic_id             VARCHAR(50)  NOT NULL,
    name                 VARCHAR(128),
    type                 VARCHAR(20)  NOT NULL,
    prerequisite_enabled TINYINT(1),
    prerequisite_on      JSON,
    stages               JSON,
    enabled              TINYINT(1),
    validated            TINYINT(1),
    tenant_id            VARCHAR(50)  NOT NULL,
    created_at           DATETIME     NOT NULL,
    created_by           VARCHAR(50)  NOT NULL,
    last_modified_at     DATETIME     NOT NULL,
    last_modified_by     VARCHAR(50)  NOT NULL,
    version              BIGINT,
    PRIMARY KEY (pipeline_id),
    INDEX (name),
    INDEX (type),
    INDEX (enabled),
    INDEX (validated),
    INDEX (tenant_id),
    INDEX (created_at),
    INDEX (created_by),
    INDEX (last_modified_at),
    INDEX (last_modified_by)
);

-- table: key_stores
CREATE TABLE IF NOT EXISTS key_stores
(
    tenant_id  VARCHAR(50) NOT NULL,
    key_type   VARCHAR(20) NOT NULL,
    params     JSON        NOT NULL,
    created_at DATETIME    NOT NULL,
    created_by VARCHAR(50) NOT NULL,
    PRIMARY KEY (tenant_id, key_type)
);

-- table: snowflake_competitive_workers
CREATE TABLE IF NOT EXISTS snowflake_competitive_workers
(
    ip             VARCHAR(100),
    process_id     VARCHAR(60),
    data_center_id INT(3)   NOT NULL,
    worker_id      INT(4)   NOT NULL,
    registered_at  DATETIME NOT NULL,
    last_beat_at   DATETIME NOT NULL,
    PRIMARY KEY (data_center_id, worker_id)
);

-- table: snowflake_workers
CREATE TABLE IF NOT EXISTS snowflake_workers
(
    data_center_id SMALLINT NOT NULL,
    worker_id      SMALLINT NOT NULL,
    registered_at  DATETIME NOT NULL,
    last_beat_at   DATETIME NOT NULL,
    `locked`       TINYINT  NOT NULL,
    PRIMARY KEY (data_center_id, worker_id)
);
