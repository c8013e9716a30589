package io.watchmen.core.auth;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.config.Settings;
import io.watchmen.core.meta.Columns;
import io.watchmen.core.model.system.UserRole;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Personal-access-token authentication against Watchmen's {@code pats} and {@code users} tables (spec storage
 * 4.2-4.3). Built once per process; thread-safe. The token is never logged, never put into an exception, and not
 * kept beyond the call: successful look-ups are cached under the token's SHA-256 for the metadata cache's
 * time-to-live (a revoked token or deactivated user is refused at most that late; its expiry time is checked on
 * every call).
 */
public final class PatAuthenticator {

    /** The roles the pipeline entry points allow. */
    public static final Set<UserRole> PIPELINE_ROLES = Set.of(UserRole.ADMIN, UserRole.SUPER_ADMIN);

    private static final Logger LOG = LoggerFactory.getLogger(PatAuthenticator.class);

    private static final String FIND_PAT = "SELECT pat_id, token, user_id, expired FROM pats WHERE token = ?";
    private static final String FIND_USER = "SELECT user_id, name, is_active, role, tenant_id FROM users"
            + " WHERE user_id = ?";

    private record PatRow(String patId, String token, String userId, LocalDateTime expired) {
        @Override
        public String toString() {
            return "PatRow[patId=" + patId + ", token=<masked>]";
        }
    }

    /** At most this many tokens are remembered. */
    private static final int MAX_CACHED_TOKENS = 1024;

    private record Found(Principal principal, LocalDateTime expired) {
    }

    private final DataSource meta;
    private final boolean hashed;
    private final Clock clock;
    private final PrincipalCache cache;

    /** Without a cache: every call reads {@code pats} and {@code users}. */
    public PatAuthenticator(DataSource meta, Settings.Crypto crypto, Clock clock) {
        this(meta, crypto, new Settings.Caches(false, Duration.ZERO, 1, 1, 1), clock);
    }

    /** Caches successful look-ups for {@code caches.ttl()} when {@code caches.enabled()}. */
    public PatAuthenticator(DataSource meta, Settings.Crypto crypto, Settings.Caches caches, Clock clock) {
        this.meta = Objects.requireNonNull(meta, "meta");
        this.hashed = crypto.patHashed();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = new PrincipalCache(caches.enabled(), caches.ttl(), MAX_CACHED_TOKENS, clock);
    }

    /** Forgets every cached token (after a snapshot restore). */
    public void invalidateAll() {
        cache.clear();
    }

    /**
     * The principal of the token's user. Throws {@link PatRejectedException}: unauthorized when the token is blank,
     * unknown, ambiguous or expired, its user is missing or inactive; forbidden when the
     * user's role is not among {@code allowedRoles} (or is unknown). A database failure is a retryable
     * {@code STORAGE_FAILED}, never a rejection.
     */
    public Principal authenticate(String pat, Set<UserRole> allowedRoles) {
        if (pat == null || pat.isBlank()) {
            LOG.debug("PAT rejected: blank.");
            throw PatRejectedException.unauthorized();
        }
        String tokenHash = PatHash.sha256Hex(pat);
        Principal principal = cached(tokenHash);
        if (principal == null) {
            Found found = lookUp(pat);
            cache.put(tokenHash, found.principal(), found.expired());
            principal = found.principal();
        }
        if (principal.role() == null || allowedRoles == null || !allowedRoles.contains(principal.role())) {
            LOG.debug("PAT rejected: user {} has a role that is not allowed here.", principal.userId());
            throw PatRejectedException.forbidden();
        }
        return principal;
    }

    private Principal cached(String tokenHash) {
        PrincipalCache.Entry entry = cache.get(tokenHash);
        if (entry == null) {
            return null;
        }
        if (entry.tokenExpires() != null && entry.tokenExpires().isBefore(LocalDateTime.now(clock))) {
            LOG.debug("PAT rejected: expired (cached).");
            throw PatRejectedException.unauthorized();
        }
        return entry.principal();
    }

    private Found lookUp(String pat) {
        try (Connection connection = meta.getConnection()) {
            return lookUp(connection, pat);
        } catch (SQLException e) {
            // SQLState and vendor code only: driver messages may quote statement values.
            // A database outage is transient: STORAGE_FAILED lets the platform retry the item, where the
            // reference's "not authenticated" would dead-letter it (docs/compatibility.md).
            LOG.warn("PAT lookup failed: the meta database failed (SQLState {}, vendor code {}).", e.getSQLState(),
                    e.getErrorCode());
            throw new WatchmenException(ErrorCode.STORAGE_FAILED, "PAT lookup failed: the meta database is not "
                    + "available (SQLState " + e.getSQLState() + ").");
        }
    }

    private Found lookUp(Connection connection, String pat) throws SQLException {
        String stored = hashed ? PatHash.sha256Hex(pat) : pat;
        PatRow row = findPat(connection, stored);
        if (hashed && !MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                row.token() == null ? new byte[0] : row.token().getBytes(StandardCharsets.US_ASCII))) {
            // A case-insensitive collation may match a differently cased hash: compare exactly, in constant time.
            LOG.debug("PAT rejected: pat {} does not match exactly.", row.patId());
            throw PatRejectedException.unauthorized();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        if (row.expired() != null && row.expired().isBefore(now)) {
            LOG.debug("PAT rejected: pat {} expired at {}.", row.patId(), row.expired());
            throw PatRejectedException.unauthorized();
        }
        try (PreparedStatement statement = connection.prepareStatement(FIND_USER)) {
            statement.setString(1, row.userId());
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    LOG.debug("PAT rejected: user {} of pat {} not found.", row.userId(), row.patId());
                    throw PatRejectedException.unauthorized();
                }
                if (!Boolean.TRUE.equals(Columns.bool(rs, "is_active"))) {
                    LOG.debug("PAT rejected: user {} is inactive.", row.userId());
                    throw PatRejectedException.unauthorized();
                }
                return new Found(new Principal(rs.getString("user_id"), rs.getString("name"),
                        rs.getString("tenant_id"), role(rs.getString("role"))), row.expired());
            }
        }
    }

    private static PatRow findPat(Connection connection, String stored) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND_PAT)) {
            statement.setString(1, stored);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    LOG.debug("PAT rejected: unknown token.");
                    throw PatRejectedException.unauthorized();
                }
                PatRow row = new PatRow(rs.getString("pat_id"), rs.getString("token"), rs.getString("user_id"),
                        Columns.dateTime(rs, "expired"));
                if (rs.next()) {
                    // The reference raises an internal error here, which its PAT provider reports as 401.
                    LOG.warn("PAT rejected: more than one pats row holds the same token (pat {}).", row.patId());
                    throw PatRejectedException.unauthorized();
                }
                return row;
            }
        }
    }

    /** Null and unknown roles are not allowed anywhere (403). */
    private static UserRole role(String value) {
        if (value == null) {
            return null;
        }
        for (UserRole candidate : UserRole.values()) {
            if (candidate.json().equals(value)) {
                return candidate;
            }
        }
        return null;
    }


}
