package io.watchmen.core.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LazyPoolTest {

    @Test
    void h2QueryCache_h2UrlWithoutTheSetting_getsTheLargerCache() {
        assertEquals("jdbc:h2:mem:x;QUERY_CACHE_SIZE=" + LazyPool.H2_QUERY_CACHE_SIZE,
                LazyPool.h2QueryCache("jdbc:h2:mem:x"));
    }

    @Test
    void h2QueryCache_urlThatSetsIt_isKept() {
        assertEquals("jdbc:h2:mem:x;query_cache_size=4", LazyPool.h2QueryCache("jdbc:h2:mem:x;query_cache_size=4"));
    }

    @Test
    void h2QueryCache_otherDatabases_areKept() {
        assertEquals("jdbc:mariadb://h/db", LazyPool.h2QueryCache("jdbc:mariadb://h/db"));
    }
}
