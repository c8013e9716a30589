package io.watchmen.core.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small synchronized LRU map: compiled pipelines and topic schemas are reused across invocations. */
final class BoundedCache<K, V> {

    private final Map<K, V> entries;

    BoundedCache(int maxSize) {
        int bound = Math.max(16, maxSize);
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > bound;
            }
        };
    }

    void put(K key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    V get(K key, Function<K, V> loader) {
        synchronized (entries) {
            V value = entries.get(key);
            if (value != null) {
                return value;
            }
        }
        V loaded = loader.apply(key);
        synchronized (entries) {
            entries.put(key, loaded);
        }
        return loaded;
    }
}
