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
    void h2ObjectCacheOff_embeddedH2_switchesTheCacheOff() {
        java.util.Properties system = new java.util.Properties();
        LazyPool.h2ObjectCacheOff("jdbc:h2:mem:x", system);
        assertEquals("false", system.getProperty(LazyPool.H2_OBJECT_CACHE));
        java.util.Properties file = new java.util.Properties();
        LazyPool.h2ObjectCacheOff("jdbc:h2:./target/db", file);
        assertEquals("false", file.getProperty(LazyPool.H2_OBJECT_CACHE));
    }

    @Test
    void h2ObjectCacheOff_propertySetAlready_isKept() {
        java.util.Properties system = new java.util.Properties();
        system.setProperty(LazyPool.H2_OBJECT_CACHE, "true");
        LazyPool.h2ObjectCacheOff("jdbc:h2:mem:x", system);
        assertEquals("true", system.getProperty(LazyPool.H2_OBJECT_CACHE));
    }

    @Test
    void h2ObjectCacheOff_serversAndOtherDatabases_setNothing() {
        java.util.Properties system = new java.util.Properties();
        LazyPool.h2ObjectCacheOff("jdbc:h2:tcp://h/db", system);
        LazyPool.h2ObjectCacheOff("jdbc:h2:ssl://h/db", system);
        LazyPool.h2ObjectCacheOff("jdbc:mariadb://h/db", system);
        assertEquals(0, system.size());
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
