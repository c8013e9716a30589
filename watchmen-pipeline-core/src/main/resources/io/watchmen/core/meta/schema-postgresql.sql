-- Watchmen meta tables as the reference PostgreSQL scripts leave them (packages/watchmen-storage-postgresql,
-- migrations up to 18.1.2): SMALLINT booleans, JSON, TIMESTAMP, INTEGER versions, pats.expired DATE,
-- key_stores.params VARCHAR(1024).
-- One "-- table:" block per table; MetaSchema runs a block only when its table is absent.

-- table: tenants
CREATE TABLE IF NOT EXISTS tenants
(
    tenant_id        VARCHAR(50) NOT NULL,
    name             VARCHAR(50),
    created_at       TIMESTAMP   NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at TIMESTAMP   NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          INTEGER,
    enable_ai        SMALLINT    NULL DEFAULT 0,
    CONSTRAINT pk_tenants PRIMARY KEY (tenant_id)
);
CREATE INDEX IF NOT EXISTS i_tenants_1 ON tenants (created_at);
CREATE INDEX IF NOT EXISTS i_tenants_2 ON tenants (created_by);
CREATE INDEX IF NOT EXISTS i_tenants_3 ON tenants (last_modified_at);
CREATE INDEX IF NOT EXISTS i_tenants_4 ON tenants (last_modified_by);

-- table: users
CREATE TABLE IF NOT EXISTS users
(
    user_id          VARCHAR(50) NOT NULL,
    name             VARCHAR(50),
    nickname         VARCHAR(50),
    password         VARCHAR(255),
    is_active        SMALLINT    NOT NULL,
    group_ids        JSON,
    role             VARCHAR(20) NOT NULL,
    tenant_id        VARCHAR(50) NOT NULL,
    created_at       TIMESTAMP   NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at TIMESTAMP   NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          INTEGER,
    email            VARCHAR(100) NULL,
    CONSTRAINT pk_users PRIMARY KEY (user_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS u_users_1 ON users (name);
CREATE INDEX IF NOT EXISTS i_users_1 ON users (role);
CREATE INDEX IF NOT EXISTS i_users_2 ON users (tenant_id);
CREATE INDEX IF NOT EXISTS i_users_3 ON users (created_at);
CREATE INDEX IF NOT EXISTS i_users_4 ON users (created_by);
CREATE INDEX IF NOT EXISTS i_users_5 ON users (last_modified_at);
CREATE INDEX IF NOT EXISTS i_users_6 ON users (last_modified_by);

-- table: pats
CREATE TABLE IF NOT EXISTS pats
(
    pat_id      VARCHAR(50)  NOT NULL,
    token       VARCHAR(255) NOT NULL,
    user_id     VARCHAR(50)  NOT NULL,
    username    VARCHAR(50),
    tenant_id   VARCHAR(50)  NOT NULL,
    note        VARCHAR(255),
    expired     DATE,
    permissions JSON,
    created_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_pats PRIMARY KEY (pat_id)
);
CREATE INDEX IF NOT EXISTS i_pats_1 ON pats (token);
CREATE INDEX IF NOT EXISTS i_pats_2 ON pats (user_id);
CREATE INDEX IF NOT EXISTS i_pats_3 ON pats (username);
CREATE INDEX IF NOT EXISTS i_pats_4 ON pats (tenant_id);

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
    created_at       TIMESTAMP    NOT NULL,
    created_by       VARCHAR(50)  NOT NULL,
    last_modified_at TIMESTAMP    NOT NULL,
    last_modified_by VARCHAR(50)  NOT NULL,
    version          INTEGER,
    CONSTRAINT pk_data_sources PRIMARY KEY (data_source_id)
);
CREATE INDEX IF NOT EXISTS i_data_sources_1 ON data_sources (data_source_code);
CREATE INDEX IF NOT EXISTS i_data_sources_2 ON data_sources (data_source_type);
CREATE INDEX IF NOT EXISTS i_data_sources_3 ON data_sources (tenant_id);
CREATE INDEX IF NOT EXISTS i_data_sources_4 ON data_sources (created_at);
CREATE INDEX IF NOT EXISTS i_data_sources_5 ON data_sources (created_by);
CREATE INDEX IF NOT EXISTS i_data_sources_6 ON data_sources (last_modified_at);
CREATE INDEX IF NOT EXISTS i_data_sources_7 ON data_sources (last_modified_by);

-- table: external_writers
CREATE TABLE IF NOT EXISTS external_writers
(
    writer_id        VARCHAR(50) NOT NULL,
    writer_code      VARCHAR(50) NOT NULL,
    type             VARCHAR(50) NOT NULL,
    pat              VARCHAR(255),
    url              VARCHAR(255),
    tenant_id        VARCHAR(50) NOT NULL,
    created_at       TIMESTAMP   NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at TIMESTAMP   NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          INTEGER,
    name             VARCHAR(255) NULL,
    CONSTRAINT pk_external_writers PRIMARY KEY (writer_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS u_external_writers_1 ON external_writers (writer_code, tenant_id);
CREATE INDEX IF NOT EXISTS i_external_writers_1 ON external_writers (writer_code);
CREATE INDEX IF NOT EXISTS i_external_writers_2 ON external_writers (type);
CREATE INDEX IF NOT EXISTS i_external_writers_3 ON external_writers (tenant_id);
CREATE INDEX IF NOT EXISTS i_external_writers_4 ON external_writers (created_at);
CREATE INDEX IF NOT EXISTS i_external_writers_5 ON external_writers (created_by);
CREATE INDEX IF NOT EXISTS i_external_writers_6 ON external_writers (last_modified_at);
CREATE INDEX IF NOT EXISTS i_external_writers_7 ON external_writers (last_modified_by);

-- table: topics
CREATE TABLE IF NOT EXISTS topics
(
    topic_id         VARCHAR(50) NOT NULL,
    name             VARCHAR(64) NOT NULL,
    description      VARCHAR(1024),
    type             VARCHAR(20) NOT NULL,
    kind             VARCHAR(20) NOT NULL,
    data_source_id   VARCHAR(50),
    factors          JSON,
    tenant_id        VARCHAR(50) NOT NULL,
    created_at       TIMESTAMP   NOT NULL,
    created_by       VARCHAR(50) NOT NULL,
    last_modified_at TIMESTAMP   NOT NULL,
    last_modified_by VARCHAR(50) NOT NULL,
    version          INTEGER,
    CONSTRAINT pk_topics PRIMARY KEY (topic_id)
);
CREATE UNIQUE INDEX IF NOT EXISTS u_topics_1 ON topics (name, tenant_id);
CREATE INDEX IF NOT EXISTS i_topics_1 ON topics (name);
CREATE INDEX IF NOT EXISTS i_topics_2 ON topics (type);
CREATE INDEX IF NOT EXISTS i_topics_3 ON topics (kind);
CREATE INDEX IF NOT EXISTS i_topics_4 ON topics (data_source_id);
CREATE INDEX IF NOT EXISTS i_topics_5 ON topics (tenant_id);
CREATE INDEX IF NOT EXISTS i_topics_6 ON topics (created_at);
CREATE INDEX IF NOT EXISTS i_topics_7 ON topics (created_by);
CREATE INDEX IF NOT EXISTS i_topics_8 ON topics (last_modified_at);
CREATE INDEX IF NOT EXISTS i_topics_9 ON topics (last_modified_by);

-- table: pipelines
CREATE TABLE IF NOT EXISTS pipelines
(
    pipeline_id          VARCHAR(50)  NOT NULL,
    topic_id             VARCHAR(50)  NOT NULL,
    name                 VARCHAR(128) NOT NULL,
    type                 VARCHAR(20)  NOT NULL,
    prerequisite_enabled SMALLINT,
    prerequisite_on      JSON,
    stages               JSON,
    enabled              SMALLINT,
    validated            SMALLINT,
    tenant_id            VARCHAR(50)  NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    created_by           VARCHAR(50)  NOT NULL,
    last_modified_at     TIMESTAMP    NOT NULL,
    last_modified_by     VARCHAR(50)  NOT NULL,
    version              INTEGER,
    CONSTRAINT pk_pipelines PRIMARY KEY (pipeline_id)
);
CREATE INDEX IF NOT EXISTS i_pipelines_1 ON pipelines (name);
CREATE INDEX IF NOT EXISTS i_pipelines_2 ON pipelines (type);
CREATE INDEX IF NOT EXISTS i_pipelines_3 ON pipelines (enabled);
CREATE INDEX IF NOT EXISTS i_pipelines_4 ON pipelines (validated);
CREATE INDEX IF NOT EXISTS i_pipelines_5 ON pipelines (tenant_id);
CREATE INDEX IF NOT EXISTS i_pipelines_6 ON pipelines (created_at);
CREATE INDEX IF NOT EXISTS i_pipelines_7 ON pipelines (created_by);
CREATE INDEX IF NOT EXISTS i_pipelines_8 ON pipelines (last_modified_at);
CREATE INDEX IF NOT EXISTS i_pipelines_9 ON pipelines (last_modified_by);

-- table: key_stores
CREATE TABLE IF NOT EXISTS key_stores
(
    tenant_id  VARCHAR(50)   NOT NULL,
    key_type   VARCHAR(20)   NOT NULL,
    params     VARCHAR(1024) NOT NULL,
    created_at TIMESTAMP     NOT NULL,
    created_by VARCHAR(50)   NOT NULL,
    CONSTRAINT pk_key_stores PRIMARY KEY (tenant_id, key_type)
);

-- table: snowflake_competitive_workers
CREATE TABLE IF NOT EXISTS snowflake_competitive_workers
(
    ip             VARCHAR(100),
    process_id     VARCHAR(60),
    data_center_id INTEGER   NOT NULL,
    worker_id      INTEGER   NOT NULL,
    registered_at  TIMESTAMP NOT NULL,
    last_beat_at   TIMESTAMP NOT NULL,
    CONSTRAINT pk_snowflake_competitive_workers PRIMARY KEY (data_center_id, worker_id)
);

-- table: snowflake_workers
CREATE TABLE IF NOT EXISTS snowflake_workers
(
    data_center_id SMALLINT  NOT NULL,
    worker_id      SMALLINT  NOT NULL,
    registered_at  TIMESTAMP NOT NULL,
    last_beat_at   TIMESTAMP NOT NULL,
    locked         SMALLINT  NOT NULL,
    CONSTRAINT pk_snowflake_workers PRIMARY KEY (data_center_id, worker_id)
);
