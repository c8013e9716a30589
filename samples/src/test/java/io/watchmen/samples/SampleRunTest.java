package io.watchmen.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.config.Settings;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every sample object runs through CoreRuntime as a cloud function would, and every topic ends as expected. */
class SampleRunTest {

    static Settings settingsFor(TestDb db) {
        Settings settings = Settings.forJdbcUrl(db.jdbcUrl(), db.user(), db.password());
        Settings.Snowflake snowflake = settings.snowflake();
        // a fixed worker id: no lease to claim in tests
        return settings.withSnowflake(new Settings.Snowflake(0, 7, false, false, snowflake.heartBeatInterval(),
                snowflake.creationRetryTimes(), false));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void allSampleObjects_runOnce_giveTheExpectedRows(TestDatabase database) throws Exception {
        try (TestDb db = database.create("samples");
             CoreRuntime runtime = CoreRuntime.create(settingsFor(db))) {
            SampleInstaller.install(runtime, false);

            List<ItemOutcome> items = new ArrayList<>();
            for (SampleObject object : Samples.objects()) {
                ObjectOutcome outcome = runtime.handle(object.toStorageObject());
                assertThat(outcome.succeeded()).as(object.name() + ": " + outcome).isTrue();
                items.addAll(outcome.items());
            }

            assertThat(items).hasSize(24).allMatch(item -> item.status() == ItemStatus.DONE);
            assertThat(items).allMatch(item -> item.pipelines().size() == 3);
            assertThat(ExpectedResults.check(runtime)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void allSampleObjects_deliveredTwice_areSkippedTheSecondTime(TestDatabase database) throws Exception {
        try (TestDb db = database.create("samplestwice");
             CoreRuntime runtime = CoreRuntime.create(settingsFor(db))) {
            SampleInstaller.install(runtime, false);
            for (SampleObject object : Samples.objects()) {
                runtime.handle(object.toStorageObject());
            }
            for (SampleObject object : Samples.objects()) {
                ObjectOutcome again = runtime.handle(object.toStorageObject());
                assertThat(again.items()).as(object.name()).allMatch(item -> item.status() == ItemStatus.SKIPPED);
            }
            assertThat(ExpectedResults.check(runtime)).isEmpty();
        }
    }
}
