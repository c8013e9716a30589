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

    @Test
    void batchedInserts_postgresUrlWithoutTheSetting_foldsInsertBatches() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        LazyPool.batchedInserts(config, "jdbc:postgresql://h/db?stringtype=unspecified");
        assertEquals("true", config.getDataSourceProperties().getProperty("reWriteBatchedInserts"));
    }

    @Test
    void batchedInserts_urlThatSetsIt_orOtherDatabases_addNothing() {
        com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
        LazyPool.batchedInserts(config, "jdbc:postgresql://h/db?reWriteBatchedInserts=false");
        LazyPool.batchedInserts(config, "jdbc:mariadb://h/db");
        assertEquals(0, config.getDataSourceProperties().size());
    }
}
