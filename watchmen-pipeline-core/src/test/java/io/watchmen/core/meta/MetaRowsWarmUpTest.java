package io.watchmen.core.meta;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.watchmen.core.config.Settings;
import java.lang.reflect.Proxy;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The canned column JSON of the warm-up must stay readable as the model evolves (a failure is only logged). */
class MetaRowsWarmUpTest {

    @Test
    void warmUpParsing_readsTheCannedDefinitions_withoutTouchingTheDatabase() {
        Settings settings = Settings.forJdbcUrl("jdbc:postgresql://127.0.0.1:1/unreachable", "u", "p");
        JdbcMetadataService metadata = new JdbcMetadataService(untouchable(), settings, Clock.systemUTC());

        assertThatCode(metadata::warmUpParsing).doesNotThrowAnyException();
    }

    /** A data source that fails the test on any call. */
    private static DataSource untouchable() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    throw new AssertionError("the warm-up must not use the database: " + method.getName());
                });
    }
}
