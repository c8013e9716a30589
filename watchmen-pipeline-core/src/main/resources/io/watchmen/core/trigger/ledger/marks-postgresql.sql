-- Done marks of Watchmen Serverless for Java, in a data database (project-owned; never touches Watchmen's tables).
-- ${table} is this table's name, qualified by the data source's schema when it has one. One row per trigger item
-- that wrote here from a unit of work whose ledger row is in another database: written in the item's transaction
-- on this database, so a committed mark says the item's writes here committed. Keyed by data source too: two
-- data sources (two transactions) of one item may share a database.
CREATE TABLE IF NOT EXISTS ${table} (
    delivery_key CHAR(64) NOT NULL,
    data_source VARCHAR(50) NOT NULL,
    trace_id VARCHAR(50) NOT NULL,
    data_sources VARCHAR(2000) NULL,
    marked_at TIMESTAMP NOT NULL,
    PRIMARY KEY (delivery_key, data_source)
);
CREATE INDEX IF NOT EXISTS i_wmx_marks_marked_at ON ${table} (marked_at);
