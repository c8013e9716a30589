package io.watchmen.core.auth;

import io.watchmen.core.config.Settings;
import io.watchmen.core.meta.MetaSchema;
import io.watchmen.core.meta.MetadataWriter;
import io.watchmen.core.model.system.PersonalAccessToken;
import io.watchmen.core.model.system.User;
import io.watchmen.core.model.system.UserRole;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** A meta database with one user per case of spec storage 4.2-4.3 and a PAT for each. */
final class PatFixtures {

    static final LocalDateTime MIDNIGHT = LocalDateTime.of(2026, 3, 10, 0, 0, 0);

    static final String ADMIN_TOKEN = "AdminTok3n_-abcdefghij";
    static final String SUPER_TOKEN = "SuperTok3n_-abcdefghij";
    static final String CONSOLE_TOKEN = "ConsoleTok3n-abcdefghi";
    static final String INACTIVE_TOKEN = "InactiveTok3n-abcdefgh";
    static final String UNKNOWN_ROLE_TOKEN = "UnknownRoleTok3n-abcde";
    static final String EMPTY_ROLE_TOKEN = "EmptyRoleTok3n-abcdefg";
    static final String NO_USER_TOKEN = "NoUserTok3n-abcdefghij";
    static final String EXPIRING_TOKEN = "ExpiringTok3n-abcdefgh";
    static final String EXPIRED_TOKEN = "ExpiredTok3n-abcdefghi";
    static final String DUPLICATE_TOKEN = "DuplicateTok3n-abcdefg";
    static final String HASHED_TOKEN = "HashedTok3n-abcdefghij";

    private PatFixtures() {
    }

    static Clock clockAt(LocalDateTime now) {
        return Clock.fixed(now.toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    }

    static Settings.Crypto crypto(boolean hashed) {
        Settings.Crypto defaults = Settings.fromEnvironment(Map.of()).crypto();
        return new Settings.Crypto(defaults.dataSourceAesEnabled(), defaults.dataSourceAesKey(),
                defaults.dataSourceAesIv(), defaults.encryptAesKey(), defaults.encryptAesIv(), hashed);
    }

    static TestDb create(TestDatabase database) throws Exception {
        TestDb db = database.create("pats");
        MetaSchema.createIfAbsent(db.dataSource());
        MetadataWriter writer = new MetadataWriter(db.dataSource());
        writer.saveUser(user("u-admin", "alice", true, UserRole.ADMIN, "T1"));
        writer.saveUser(user("u-super", "imma-super", true, UserRole.SUPER_ADMIN, "-1"));
        writer.saveUser(user("u-console", "carol", true, UserRole.CONSOLE, "T1"));
        writer.saveUser(user("u-inactive", "dave", false, UserRole.ADMIN, "T1"));
        writer.saveUser(user("u-unknown", "erin", true, UserRole.ADMIN, "T1"));
        writer.saveUser(user("u-empty", "frank", true, UserRole.ADMIN, "T1"));
        try (Connection c = db.connection();
             PreparedStatement s = c.prepareStatement("UPDATE users SET role = ? WHERE user_id = ?")) {
            s.setString(1, "auditor");
            s.setString(2, "u-unknown");
            s.executeUpdate();
            s.setString(1, "");
            s.setString(2, "u-empty");
            s.executeUpdate();
        }
        // The PAT's own tenant and username deliberately differ from the user's: they must not be used.
        writer.savePat(pat("p-admin", "u-admin", null), ADMIN_TOKEN);
        writer.savePat(pat("p-super", "u-super", null), SUPER_TOKEN);
        writer.savePat(pat("p-console", "u-console", null), CONSOLE_TOKEN);
        writer.savePat(pat("p-inactive", "u-inactive", null), INACTIVE_TOKEN);
        writer.savePat(pat("p-unknown", "u-unknown", null), UNKNOWN_ROLE_TOKEN);
        writer.savePat(pat("p-empty", "u-empty", null), EMPTY_ROLE_TOKEN);
        writer.savePat(pat("p-nouser", "u-missing", null), NO_USER_TOKEN);
        writer.savePat(pat("p-expiring", "u-admin", MIDNIGHT), EXPIRING_TOKEN);
        writer.savePat(pat("p-expired", "u-admin", MIDNIGHT.minusDays(1)), EXPIRED_TOKEN);
        writer.savePat(pat("p-dup-1", "u-admin", null), DUPLICATE_TOKEN);
        writer.savePat(pat("p-dup-2", "u-super", null), DUPLICATE_TOKEN);
        writer.savePat(pat("p-hashed", "u-admin", null), HASHED_TOKEN, true);
        return db;
    }

    static User user(String id, String name, boolean active, UserRole role, String tenantId) {
        return new User(id, name, name.toUpperCase(), active, List.of("g-1"), role, tenantId, name + "@example.com",
                null, null, null, null, null);
    }

    static PersonalAccessToken pat(String patId, String userId, LocalDateTime expired) {
        return new PersonalAccessToken(patId, userId, "stale-name", "T-stale", "note", expired, List.of(), null);
    }
}
