package io.watchmen.core.auth;

import static io.watchmen.core.auth.PatFixtures.MIDNIGHT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PatAuthenticatorTest {

    private static final Set<UserRole> PIPELINE = PatAuthenticator.PIPELINE_ROLES;

    private static PatAuthenticator authenticator(TestDb db, Clock clock, boolean hashed) {
        return new PatAuthenticator(db.dataSource(), PatFixtures.crypto(hashed), clock);
    }

    private static PatAuthenticator authenticator(TestDb db) {
        return authenticator(db, PatFixtures.clockAt(MIDNIGHT.minusHours(1)), false);
    }

    private static void assertUnauthorized(PatAuthenticator auth, String token, Set<UserRole> roles) {
        assertThatThrownBy(() -> auth.authenticate(token, roles))
                .isInstanceOf(PatRejectedException.class)
                .hasMessage("Unauthorized.")
                .satisfies(e -> assertThat(((PatRejectedException) e).code()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED));
    }

    private static void assertForbidden(PatAuthenticator auth, String token, Set<UserRole> roles) {
        assertThatThrownBy(() -> auth.authenticate(token, roles))
                .isInstanceOf(PatRejectedException.class)
                .hasMessage("Forbidden")
                .satisfies(e -> assertThat(((PatRejectedException) e).code()).isEqualTo(ErrorCode.PAT_FORBIDDEN));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_adminPat_givesPrincipalFromUsersRow(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            Principal principal = authenticator(db).authenticate(PatFixtures.ADMIN_TOKEN, PIPELINE);
            assertThat(principal).isEqualTo(new Principal("u-admin", "alice", "T1", UserRole.ADMIN));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_superAdminPat_isAllowedForPipelines(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            Principal principal = authenticator(db).authenticate(PatFixtures.SUPER_TOKEN, PIPELINE);
            assertThat(principal).isEqualTo(new Principal("u-super", "imma-super", "-1", UserRole.SUPER_ADMIN));
            assertThat(principal.isSuperAdmin()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_notAuthenticatedCases_areUnauthorized(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            PatAuthenticator auth = authenticator(db);
            assertUnauthorized(auth, null, PIPELINE);
            assertUnauthorized(auth, "", PIPELINE);
            assertUnauthorized(auth, "   ", PIPELINE);
            assertUnauthorized(auth, "no-such-token", PIPELINE);
            assertUnauthorized(auth, PatFixtures.DUPLICATE_TOKEN, PIPELINE);
            assertUnauthorized(auth, PatFixtures.EXPIRED_TOKEN, PIPELINE);
            assertUnauthorized(auth, PatFixtures.NO_USER_TOKEN, PIPELINE);
            assertUnauthorized(auth, PatFixtures.INACTIVE_TOKEN, PIPELINE);
            // Authentication fails before the role check: an inactive user is 401 even for an allowed role.
            assertUnauthorized(auth, PatFixtures.INACTIVE_TOKEN, Set.of(UserRole.values()));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_roleNotAllowedOrUnknown_isForbidden(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            PatAuthenticator auth = authenticator(db);
            assertForbidden(auth, PatFixtures.CONSOLE_TOKEN, PIPELINE);
            assertForbidden(auth, PatFixtures.SUPER_TOKEN, Set.of(UserRole.ADMIN));
            assertForbidden(auth, PatFixtures.ADMIN_TOKEN, Set.of(UserRole.SUPER_ADMIN));
            assertForbidden(auth, PatFixtures.ADMIN_TOKEN, Set.of());
            assertForbidden(auth, PatFixtures.UNKNOWN_ROLE_TOKEN, Set.of(UserRole.values()));
            assertForbidden(auth, PatFixtures.EMPTY_ROLE_TOKEN, Set.of(UserRole.values()));
            assertThat(auth.authenticate(PatFixtures.CONSOLE_TOKEN, Set.of(UserRole.CONSOLE)).role())
                    .isEqualTo(UserRole.CONSOLE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_expiry_validUpToAndIncludingTheExpiredInstant(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            String token = PatFixtures.EXPIRING_TOKEN;
            assertThat(authenticator(db, PatFixtures.clockAt(MIDNIGHT.minusSeconds(1)), false)
                    .authenticate(token, PIPELINE).userId()).isEqualTo("u-admin");
            assertThat(authenticator(db, PatFixtures.clockAt(MIDNIGHT), false)
                    .authenticate(token, PIPELINE).userId()).isEqualTo("u-admin");
            // "now" is not truncated: one nanosecond past the expiry is expired.
            assertUnauthorized(authenticator(db, PatFixtures.clockAt(MIDNIGHT.plusNanos(1)), false), token, PIPELINE);
            assertUnauthorized(authenticator(db, PatFixtures.clockAt(MIDNIGHT.plusDays(1)), false), token, PIPELINE);
            // No expiry: valid far in the future.
            assertThat(authenticator(db, PatFixtures.clockAt(LocalDateTime.of(2999, 1, 1, 0, 0)), false)
                    .authenticate(PatFixtures.ADMIN_TOKEN, PIPELINE).userId()).isEqualTo("u-admin");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_hashedMode_looksUpTheSha256OfTheToken(TestDatabase database) throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            PatAuthenticator hashed = authenticator(db, PatFixtures.clockAt(MIDNIGHT), true);
            PatAuthenticator plain = authenticator(db, PatFixtures.clockAt(MIDNIGHT), false);
            assertThat(hashed.authenticate(PatFixtures.HASHED_TOKEN, PIPELINE).userId()).isEqualTo("u-admin");
            // The stored hash is not itself a token, and plain-stored tokens do not work in hashed mode.
            assertUnauthorized(plain, PatFixtures.HASHED_TOKEN, PIPELINE);
            assertUnauthorized(hashed, PatFixtures.ADMIN_TOKEN, PIPELINE);
            assertUnauthorized(hashed, "", PIPELINE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_hashedMode_withUpperCaseStoredHash_isUnauthorizedWhateverTheCollation(TestDatabase database)
            throws Exception {
        try (TestDb db = PatFixtures.create(database)) {
            String token = "CaseTok3n-abcdefghijkl";
            new MetadataWriter(db.dataSource()).savePat(PatFixtures.pat("p-case", "u-admin", null),
                    PatHash.sha256Hex(token).toUpperCase());
            assertUnauthorized(authenticator(db, PatFixtures.clockAt(MIDNIGHT), true), token, PIPELINE);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void authenticate_whenTheDatabaseFails_isUnauthorized(TestDatabase database) throws Exception {
        try (TestDb db = database.create("patsnotables")) {
            assertUnauthorized(authenticator(db), PatFixtures.ADMIN_TOKEN, PIPELINE);
        }
    }

    @org.junit.jupiter.api.Test
    void patHash_isLowerCaseHexSha256() {
        assertThat(PatHash.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
