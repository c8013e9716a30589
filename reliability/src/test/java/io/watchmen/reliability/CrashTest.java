package io.watchmen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.storage.DataSourceRegistry;
import io.watchmen.core.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CrashTest {

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void childKilledFiveTimesThenRedelivery_equalsOneCleanDeliveryOfEachObject(TestDatabase kind) throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.shared(kind, "crash", directory)) {
            CaseResult result = new CrashSuite(suite.database, suite.target(), suite.runtime, directory)
                    .run("crash", 30, 5, 7);

            DuplicateDeliveryTest.assertClean(result);
            assertThat(result.name()).contains("5 SIGKILLs");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void objectsOfManyItemsInChunks_childKilledThreeTimesThenRedelivery_equalsOneCleanDelivery(TestDatabase kind)
            throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.shared(kind, "crashobj", directory, 8)) {
            CaseResult result = new CrashSuite(suite.database, suite.target(), suite.runtime, directory)
                    .run("crobj", 120, 25, 8, 3, 11);

            DuplicateDeliveryTest.assertClean(result);
            assertThat(result.name()).contains("objects of 1-25 items");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void topicsInASecondDatabase_childKilledBetweenTheCommitsFourTimes_thenRedeliveryEqualsOneCleanDelivery(
            TestDatabase kind) throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.shared(kind, "crashds", directory, 8);
             SuiteDatabase second = SuiteDatabase.sharedEmpty(kind, "crashdsdata", directory);
             DataSourceRegistry dataRegistry = second.database.registry()) {
            Fixture.load().installSecondDatabase(suite.target(), second.database, dataRegistry.meta());
            CaseResult result = new CrashSuite(suite.database, dataRegistry.meta(), suite.runtime, directory)
                    .runBetweenCommits("crds", 60, 10, 8, 4, 13);

            DuplicateDeliveryTest.assertClean(result);
            assertThat(result.name()).contains("4 SIGKILLs");
        }
    }
}
