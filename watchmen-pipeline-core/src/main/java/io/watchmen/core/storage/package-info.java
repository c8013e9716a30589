/**
 * Topic storage: table and column names ({@link io.watchmen.core.storage.Identifiers}), table DDL
 * ({@link io.watchmen.core.storage.TopicTables}), data sources and units of work
 * ({@link io.watchmen.core.storage.DataSourceRegistry}) and topic rows
 * ({@link io.watchmen.core.storage.JdbcTopicDataService}) on MySQL/MariaDB, PostgreSQL and H2.
 *
 * <p>Deliberate differences from the reference (docs/compatibility.md):
 * <ul>
 *   <li>every lookup, update and delete of a non-synonym topic also filters {@code tenant_id_ = ?};</li>
 *   <li>the trigger merge and delete lock the old row ({@code SELECT ... FOR UPDATE}) and the merge keeps the
 *       row's {@code aggregate_assist_} (the reference resets it to JSON null, losing avg counters);</li>
 *   <li>an index group naming a factor without a column is skipped with a warning (the reference's DDL fails);
 *       index names are generated ({@code <table>_u1}, {@code <table>_tenant} ...);</li>
 *   <li>names that do not fit {@code ^[a-z][a-z0-9_]{0,62}$} (after rule 1) are rejected, never executed;</li>
 *   <li>date functions in find-by are portable SQL expressions, not the reference's stored functions
 *       ({@code yeardiff}, {@code monthdiff}, {@code movedate}, {@code weekofmonth}); monthDiff uses the
 *       corrected cross-year rule;</li>
 *   <li>a topic without a data source id uses the meta database.</li>
 * </ul>
 */
package io.watchmen.core.storage;
