package io.watchmen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

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
}
