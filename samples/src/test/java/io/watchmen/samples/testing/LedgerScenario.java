package io.watchmen.samples.testing;

import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * For the adapters' ledger-purge tests: three sample objects delivered through the real core, then aged with SQL:
 * one done {@code age} ago, one done now, one dead-lettered {@code age} ago. A purge whose retention is shorter
 * than {@code age} must delete the ledger rows of the first only.
 */
public final class LedgerScenario {

    public static final String OLD_KEY = "incoming/done long ago.json";
    public static final String NEW_KEY = "incoming/done now.json";
    public static final String DEAD_KEY = "incoming/dead letter.json";

    private final SampleCore core;
    private final int oldRows;

    private LedgerScenario(SampleCore core, int oldRows) {
        this.core = core;
        this.oldRows = oldRows;
    }

    public static LedgerScenario prepare(SampleCore core, String provider, Duration age) throws SQLException {
        deliver(core, provider, OLD_KEY, SampleCore.sample("001-order-SO-1001.json"), Disposition.SUCCEEDED);
        deliver(core, provider, NEW_KEY, SampleCore.sample("002-order-SO-1002.json"), Disposition.SUCCEEDED);
        deliver(core, provider, DEAD_KEY, SampleCore.withUnknownPat("004-order-SO-1004.json"),
                Disposition.DEAD_LETTERED);
        // the core stamps naive local time (system zone), as LocalDateTime.now() here
        LocalDateTime then = LocalDateTime.now().minus(age).truncatedTo(ChronoUnit.SECONDS);
        int oldRows = age(core, "UPDATE wmx_delivery_ledger SET claimed_at = ?, done_at = ? WHERE object_key = ?",
                then, OLD_KEY);
        age(core, "UPDATE wmx_failed_deliveries SET first_failed_at = ?, last_failed_at = ? WHERE object_key = ?",
                then, DEAD_KEY);
        return new LedgerScenario(core, oldRows);
    }

    /** Ledger rows of the object done long ago (one per item). */
    public int oldRows() {
        return oldRows;
    }

    /** The object keys the ledger holds rows of. */
    public List<String> ledgerKeys() throws SQLException {
        List<String> keys = new ArrayList<>();
        try (Connection c = core.core().registry().meta().dataSource().getConnection();
             PreparedStatement select = c.prepareStatement("SELECT DISTINCT object_key FROM wmx_delivery_ledger");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    /** The object keys of the dead letters. */
    public List<String> deadLetterKeys() {
        return core.deadLetters().stream().map(letter -> letter.key().ref().key()).distinct().toList();
    }

    private static void deliver(SampleCore core, String provider, String key, byte[] content, Disposition expected) {
        ObjectOutcome outcome = core.core().handle(new StorageObject(new ObjectRef(provider, "orders", key, "v1",
                content.length), content));
        if (outcome.disposition() != expected) {
            throw new IllegalStateException(key + " was " + outcome.disposition() + ", not " + expected);
        }
    }

    private static int age(SampleCore core, String sql, LocalDateTime then, String key) throws SQLException {
        try (Connection c = core.core().registry().meta().dataSource().getConnection();
             PreparedStatement update = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            update.setTimestamp(1, Timestamp.valueOf(then));
            update.setTimestamp(2, Timestamp.valueOf(then));
            update.setString(3, key);
            return update.executeUpdate();
        }
    }
}
