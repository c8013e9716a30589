package io.watchmen.core.auth;

import static io.watchmen.core.auth.PatFixtures.MIDNIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.config.Settings;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PatCacheTest {

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static PatAuthenticator cached(TestDb db, Clock clock) {
        return new PatAuthenticator(db.dataSource(), PatFixtures.crypto(false),
                new Settings.Caches(true, Duration.ofSeconds(60), 512, 1024, 1024), clock);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_ofARevokedToken_isRefusedOnceTheCacheTtlHasPassed(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            MovingClock clock = new MovingClock(MIDNIGHT.minusHours(1).toInstant(ZoneOffset.UTC));
            PatAuthenticator auth = cached(db, clock);
            Principal first = auth.authenticate(PatFixtures.ADMIN_TOKEN, PatAuthenticator.PIPELINE_ROLES);
            revoke(db, "p-admin");

            clock.advance(Duration.ofSeconds(59));
            assertThat(auth.authenticate(PatFixtures.ADMIN_TOKEN, PatAuthenticator.PIPELINE_ROLES)).isEqualTo(first);

            clock.advance(Duration.ofSeconds(1));
            assertThatThrownBy(() -> auth.authenticate(PatFixtures.ADMIN_TOKEN, PatAuthenticator.PIPELINE_ROLES))
                    .isInstanceOf(PatRejectedException.class).hasMessage("Unauthorized.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_ofACachedToken_isRefusedFromItsExpiryOn(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            MovingClock clock = new MovingClock(MIDNIGHT.minusSeconds(30).toInstant(ZoneOffset.UTC));
            PatAuthenticator auth = cached(db, clock);
            auth.authenticate(PatFixtures.EXPIRING_TOKEN, PatAuthenticator.PIPELINE_ROLES);

            clock.advance(Duration.ofSeconds(31));
            assertThatThrownBy(() -> auth.authenticate(PatFixtures.EXPIRING_TOKEN, PatAuthenticator.PIPELINE_ROLES))
                    .isInstanceOf(PatRejectedException.class).hasMessage("Unauthorized.");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_ofACachedToken_stillChecksTheRole(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            PatAuthenticator auth = cached(db, PatFixtures.clockAt(MIDNIGHT.minusHours(1)));
            auth.authenticate(PatFixtures.CONSOLE_TOKEN, java.util.Set.of(io.watchmen.core.model.system.UserRole
                    .CONSOLE));
            assertThatThrownBy(() -> auth.authenticate(PatFixtures.CONSOLE_TOKEN, PatAuthenticator.PIPELINE_ROLES))
                    .isInstanceOf(PatRejectedException.class).hasMessage("Forbidden");
        }
    }

    private static void revoke(TestDb db, String patId) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM pats WHERE pat_id = '" + patId + "'");
        }
    }
}
