package io.watchmen.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The physical limit of the batch scenario: the same rows the insert-row pipeline writes (the raw item row and the
 * row it maps to), as JDBC batch inserts in chunks of 1,000, one transaction per chunk, on a connection with
 * {@code rewriteBatchedStatements=true}. No ledger, no monitor log.
 */
final class HandWrittenBatch {

    private static final int CHUNK = 1000;
    private static final AtomicLong IDS = new AtomicLong((System.currentTimeMillis() << 12) + (1L << 40));

    private final String jdbcUrl;
    private final String user;
    private final String password;

    HandWrittenBatch(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    /** The driver's own batch rewriting, as a hand-written program tuned for bulk inserts would set it. */
    static String withBatchRewrite(String jdbcUrl) {
        String separator = jdbcUrl.contains("?") ? "&" : "?";
        if (jdbcUrl.startsWith("jdbc:mariadb:") || jdbcUrl.startsWith("jdbc:mysql:")) {
            return jdbcUrl + separator + "rewriteBatchedStatements=true";
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:") && !jdbcUrl.contains("reWriteBatchedInserts")) {
            return jdbcUrl + separator + "reWriteBatchedInserts=true";
        }
        return jdbcUrl;
    }

    void run(String prefix, int items) throws SQLException {
        boolean postgres = jdbcUrl.startsWith("jdbc:postgresql:");
        try (Connection c = DriverManager.getConnection(withBatchRewrite(jdbcUrl), user, password)) {
            c.setAutoCommit(false);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now().withNano(0));
            try (PreparedStatement raw = c.prepareStatement("INSERT INTO topic_bench_batch_in (id_, itemno, amount,"
                    + " data_, tenant_id_, insert_time_, update_time_) VALUES (?,?,?,?,?,?,?)");
                 PreparedStatement row = c.prepareStatement("INSERT INTO topic_bench_batch_row (id_, itemno, amount,"
                         + " tenant_id_, insert_time_, update_time_) VALUES (?,?,?,?,?,?)")) {
                for (int i = 0; i < items; i++) {
                    String itemNo = prefix + "-" + i;
                    BigDecimal amount = new BigDecimal((i % 100) + ".5");
                    raw.setLong(1, IDS.incrementAndGet());
                    raw.setString(2, itemNo);
                    raw.setBigDecimal(3, amount);
                    String document = "{\"itemNo\":\"" + itemNo + "\",\"amount\":" + amount + "}";
                    if (postgres) {
                        // a JSON column: PostgreSQL refuses a varchar parameter without a cast
                        raw.setObject(4, document, Types.OTHER);
                    } else {
                        raw.setString(4, document);
                    }
                    raw.setString(5, BenchFixture.TENANT);
                    raw.setTimestamp(6, now);
                    raw.setTimestamp(7, now);
                    raw.addBatch();
                    row.setLong(1, IDS.incrementAndGet());
                    row.setString(2, itemNo);
                    row.setBigDecimal(3, amount);
                    row.setString(4, BenchFixture.TENANT);
                    row.setTimestamp(5, now);
                    row.setTimestamp(6, now);
                    row.addBatch();
                    if ((i + 1) % CHUNK == 0 || i == items - 1) {
                        raw.executeBatch();
                        row.executeBatch();
                        c.commit();
                    }
                }
            }
        }
    }
}
