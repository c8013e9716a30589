package io.watchmen.core.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Recently authenticated tokens → their principal, for at most {@code ttl} (the metadata cache's time-to-live) and
 * {@code maxSize} entries, oldest first out. Keyed by the token's SHA-256, never by the token. Only successful
 * look-ups are kept; the token's own expiry is checked again on every hit. A revoked token, a deactivated user or
 * a changed role is therefore seen at most {@code ttl} late. Thread-safe by one lock.
 */
final class PrincipalCache {

    /** What a successful look-up found: the principal and the token's expiry (null: never). */
    record Entry(Principal principal, LocalDateTime tokenExpires, Instant storedAt) {
    }

    private final boolean enabled;
    private final Duration ttl;
    private final int maxSize;
    private final Clock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    PrincipalCache(boolean enabled, Duration ttl, int maxSize, Clock clock) {
        this.enabled = enabled && ttl != null && !ttl.isZero() && !ttl.isNegative() && maxSize > 0;
        this.ttl = ttl;
        this.maxSize = maxSize;
        this.clock = clock;
    }

    /** The cached entry of a token hash, or null when absent or older than the time-to-live. */
    synchronized Entry get(String tokenHash) {
        if (!enabled) {
            return null;
        }
        Entry entry = entries.get(tokenHash);
        if (entry != null && Duration.between(entry.storedAt(), clock.instant()).compareTo(ttl) >= 0) {
            entries.remove(tokenHash);
            return null;
        }
        return entry;
    }

    synchronized void put(String tokenHash, Principal principal, LocalDateTime tokenExpires) {
        if (!enabled) {
            return;
        }
        entries.remove(tokenHash);
        entries.put(tokenHash, new Entry(principal, tokenExpires, clock.instant()));
        Iterator<Map.Entry<String, Entry>> oldest = entries.entrySet().iterator();
        while (entries.size() > maxSize && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    synchronized void clear() {
        entries.clear();
    }
}
