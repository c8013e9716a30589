package io.watchmen.reliability;

import io.watchmen.core.storage.StorageTarget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares the database with what one clean delivery of each event writes: one {@code rel_event} row per event
 * with its values, and per account the exact sum, count and average of its events. Reads the tables directly,
 * not through the runtime, so a bug there cannot hide itself.
 */
public final class Verifier {

    /** What differs: events missing, extra rows, wrong values (each with a few examples). */
    public record Verdict(int lost, int duplicated, int wrong, List<String> examples) {
        public boolean clean() {
            return lost == 0 && duplicated == 0 && wrong == 0;
        }
    }

    private static final int MAX_EXAMPLES = 5;

    private Verifier() {
    }

    public static Verdict verify(StorageTarget target, String ns, List<Events.Event> events) {
        try (Connection connection = target.dataSource().getConnection()) {
            Counter counter = new Counter();
            checkEvents(target, connection, ns, events, counter);
            checkTotals(target, connection, ns, events, counter);
            return new Verdict(counter.lost, counter.duplicated, counter.wrong, counter.examples);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the suite's tables: " + e.getMessage(), e);
        }
    }

    private static void checkEvents(StorageTarget target, Connection connection, String ns,
                                    List<Events.Event> events, Counter counter) throws SQLException {
        Map<String, List<Object[]>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(TableCounts.select(target,
                "topic_rel_event", "eventno", "eventno", "accountcode", "amount", "quantity"))) {
            select.setString(1, ns + "-%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                            rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }
            }
        }
        for (Events.Event event : events) {
            List<Object[]> found = rows.remove(event.eventNo());
            if (found == null) {
                counter.lost(1, "event " + event.eventNo() + " missing");
                continue;
            }
            if (found.size() > 1) {
                counter.duplicated(found.size() - 1, "event " + event.eventNo() + " written " + found.size()
                        + " times");
            }
            Object[] row = found.get(0);
            if (!event.accountCode().equals(row[0]) || !same(event.amount(), (BigDecimal) row[1])
                    || !same(BigDecimal.valueOf(event.quantity()), (BigDecimal) row[2])) {
                counter.wrong("event " + event.eventNo() + " has other values");
            }
        }
        for (Map.Entry<String, List<Object[]>> extra : rows.entrySet()) {
            counter.duplicated(extra.getValue().size(), "unexpected event " + extra.getKey());
        }
    }

    private static void checkTotals(StorageTarget target, Connection connection, String ns,
                                    List<Events.Event> events, Counter counter) throws SQLException {
        Map<String, BigDecimal> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Events.Event event : events) {
            sums.merge(event.accountCode(), event.amount(), BigDecimal::add);
            counts.merge(event.accountCode(), 1, Integer::sum);
        }
        Map<String, List<Object[]>> rows = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(TableCounts.select(target,
                "topic_rel_account_total", "accountcode", "accountcode", "totalamount", "eventcount", "avgamount"))) {
            select.setString(1, ns + "-%");
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Object[] {
                            rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }
            }
        }
        for (Map.Entry<String, Integer> expected : counts.entrySet()) {
            String account = expected.getKey();
            List<Object[]> found = rows.remove(account);
            if (found == null) {
                counter.lost(expected.getValue(), "account " + account + " missing");
                continue;
            }
            if (found.size() > 1) {
                counter.duplicated(found.size() - 1, "account " + account + " has " + found.size() + " rows");
            }
            Object[] row = found.get(0);
            int count = row[1] == null ? 0 : ((BigDecimal) row[1]).intValueExact();
            if (count < expected.getValue()) {
                counter.lost(expected.getValue() - count, "account " + account + " counts " + count + " of "
                        + expected.getValue());
            } else if (count > expected.getValue()) {
                counter.duplicated(count - expected.getValue(), "account " + account + " counts " + count + " of "
                        + expected.getValue());
            }
            BigDecimal sum = sums.get(account);
            if (!same(sum, (BigDecimal) row[0])) {
                counter.wrong("account " + account + " sums " + row[0] + ", expected " + sum.toPlainString());
            }
            BigDecimal average = sum.divide(BigDecimal.valueOf(expected.getValue()), 10, RoundingMode.HALF_UP);
            if (row[2] == null || average.subtract((BigDecimal) row[2]).abs().compareTo(new BigDecimal("0.01")) > 0) {
                counter.wrong("account " + account + " averages " + row[2] + ", expected " + average);
            }
        }
        for (Map.Entry<String, List<Object[]>> extra : rows.entrySet()) {
            counter.duplicated(extra.getValue().size(), "unexpected account " + extra.getKey());
        }
    }

    private static boolean same(BigDecimal expected, BigDecimal actual) {
        return actual != null && expected.compareTo(actual) == 0;
    }

    private static final class Counter {
        int lost;
        int duplicated;
        int wrong;
        final List<String> examples = new ArrayList<>();

        void lost(int n, String example) {
            lost += n;
            example(example);
        }

        void duplicated(int n, String example) {
            duplicated += n;
            example(example);
        }

        void wrong(String example) {
            wrong++;
            example(example);
        }

        private void example(String text) {
            if (examples.size() < MAX_EXAMPLES) {
                examples.add(text);
            }
        }
    }
}
