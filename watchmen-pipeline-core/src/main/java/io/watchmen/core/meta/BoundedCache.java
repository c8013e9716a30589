package io.watchmen.core.meta;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small cache with a size bound (the oldest entry is evicted first, as in the reference) and an age bound
 * checked on read with the injected clock: a frozen serverless instance runs no background refresh, so an entry
 * older than {@code ttl} is simply read again. Thread-safe by one lock; the values are immutable records.
 */
final class BoundedCache<K, V> {

    private record Entry<V>(V value, Instant storedAt) {
    }

    private final int maxSize;
    private final Duration ttl;
    private final Clock clock;
    private final boolean enabled;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();

    BoundedCache(boolean enabled, int maxSize, Duration ttl, Clock clock) {
        this.enabled = enabled && maxSize > 0 && !ttl.isZero() && !ttl.isNegative();
        this.maxSize = maxSize;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The cached value, or empty when absent or older than the time-to-live (then it is dropped). */
    synchronized Optional<V> get(K key) {
        if (!enabled) {
            return Optional.empty();
        }
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (expired(entry)) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    synchronized void put(K key, V value) {
        if (!enabled) {
            return;
        }
        entries.remove(key);
        entries.put(key, new Entry<>(value, clock.instant()));
        Iterator<Map.Entry<K, Entry<V>>> oldest = entries.entrySet().iterator();
        while (entries.size() > maxSize && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    synchronized void removeIf(Predicate<V> condition) {
        entries.values().removeIf(entry -> condition.test(entry.value()));
    }

    synchronized void clear() {
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }

    private boolean expired(Entry<V> entry) {
        return Duration.between(entry.storedAt(), clock.instant()).compareTo(ttl) >= 0;
    }
}
