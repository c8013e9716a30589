package io.watchmen.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * The physical limit of this design: the minimal statements that give the same rows as the sample cascade,
 * hand-written over JDBC, one transaction per trigger. No metadata, no monitor log, no ledger.
 */
final class HandWrittenCascade {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() << 12);

    private final DataSource dataSource;

    HandWrittenCascade(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void trigger(String orderNo, String customerId, BigDecimal amount) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Timestamp now = Timestamp.valueOf(LocalDateTime.now().withNano(0));
                try (PreparedStatement raw = c.prepareStatement("INSERT INTO topic_bench_raw_order (id_, orderno, "
                        + "customerid, amount, data_, tenant_id_, insert_time_, update_time_) VALUES (?,?,?,?,?,?,?,?)")) {
                    raw.setLong(1, IDS.incrementAndGet());
                    raw.setString(2, orderNo);
                    raw.setString(3, customerId);
                    raw.setBigDecimal(4, amount);
                    raw.setString(5, "{\"orderNo\":\"" + orderNo + "\",\"customerId\":\"" + customerId
                            + "\",\"amount\":" + amount + "}");
                    raw.setString(6, BenchFixture.TENANT);
                    raw.setTimestamp(7, now);
                    raw.setTimestamp(8, now);
                    raw.executeUpdate();
                }
                upsertOrder(c, orderNo, customerId, amount, now);
                accumulateCustomer(c, customerId, amount, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void upsertOrder(Connection c, String orderNo, String customerId, BigDecimal amount, Timestamp now)
            throws SQLException {
        Long id = null;
        try (PreparedStatement find = c.prepareStatement(
                "SELECT id_ FROM topic_bench_order WHERE orderno = ? AND tenant_id_ = ?")) {
            find.setString(1, orderNo);
            find.setString(2, BenchFixture.TENANT);
            try (ResultSet rs = find.executeQuery()) {
                if (rs.next()) {
                    id = rs.getLong(1);
                }
            }
        }
        if (id == null) {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO topic_bench_order (id_, orderno, "
                    + "customerid, amount, tenant_id_, insert_time_, update_time_) VALUES (?,?,?,?,?,?,?)")) {
                insert.setLong(1, IDS.incrementAndGet());
                insert.setString(2, orderNo);
                insert.setString(3, customerId);
                insert.setBigDecimal(4, amount);
                insert.setString(5, BenchFixture.TENANT);
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
                insert.executeUpdate();
            }
        } else {
            try (PreparedStatement update = c.prepareStatement("UPDATE topic_bench_order SET customerid = ?, "
                    + "amount = ?, update_time_ = ? WHERE id_ = ? AND tenant_id_ = ?")) {
                update.setString(1, customerId);
                update.setBigDecimal(2, amount);
                update.setTimestamp(3, now);
                update.setLong(4, id);
                update.setString(5, BenchFixture.TENANT);
                update.executeUpdate();
            }
        }
    }

    private static void accumulateCustomer(Connection c, String customerId, BigDecimal amount, Timestamp now)
            throws SQLException {
        while (true) {
            Long id = null;
            BigDecimal total = null;
            BigDecimal count = null;
            long version = 0;
            try (PreparedStatement find = c.prepareStatement("SELECT id_, totalamount, ordercount, version_ "
                    + "FROM topic_bench_customer WHERE customerid = ? AND tenant_id_ = ?")) {
                find.setString(1, customerId);
                find.setString(2, BenchFixture.TENANT);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        id = rs.getLong(1);
                        total = rs.getBigDecimal(2);
                        count = rs.getBigDecimal(3);
                        version = rs.getLong(4);
                    }
                }
            }
            if (id == null) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO topic_bench_customer (id_, "
                        + "customerid, totalamount, avgamount, ordercount, aggregate_assist_, version_, tenant_id_, "
                        + "insert_time_, update_time_) VALUES (?,?,?,?,?,?,1,?,?,?)")) {
                    insert.setLong(1, IDS.incrementAndGet());
                    insert.setString(2, customerId);
                    insert.setBigDecimal(3, amount);
                    insert.setBigDecimal(4, amount);
                    insert.setBigDecimal(5, BigDecimal.ONE);
                    insert.setString(6, "{\"avgAmount.avg_count\":1}");
                    insert.setString(7, BenchFixture.TENANT);
                    insert.setTimestamp(8, now);
                    insert.setTimestamp(9, now);
                    insert.executeUpdate();
                    return;
                }
            }
            BigDecimal newCount = count.add(BigDecimal.ONE);
            BigDecimal newTotal = total.add(amount);
            try (PreparedStatement update = c.prepareStatement("UPDATE topic_bench_customer SET totalamount = ?, "
                    + "avgamount = ?, ordercount = ?, aggregate_assist_ = ?, version_ = ?, update_time_ = ? "
                    + "WHERE id_ = ? AND version_ = ? AND tenant_id_ = ?")) {
                update.setBigDecimal(1, newTotal);
                update.setBigDecimal(2, newTotal.divide(newCount, 6, RoundingMode.HALF_EVEN));
                update.setBigDecimal(3, newCount);
                update.setString(4, "{\"avgAmount.avg_count\":" + newCount.toBigInteger() + "}");
                update.setLong(5, version + 1);
                update.setTimestamp(6, now);
                update.setLong(7, id);
                update.setLong(8, version);
                update.setString(9, BenchFixture.TENANT);
                if (update.executeUpdate() == 1) {
                    return;
                }
            }
        }
    }
}
