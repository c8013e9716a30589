package io.watchmen.reliability;

import io.watchmen.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ContentionTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void eightThreadsOnTenAggregateRows_giveExactSumsCountsAndAverages(TestDatabase kind) throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.create(kind, "contention")) {
            CaseResult result = new ContentionSuite(suite.runtime, suite.target(), 1000).run("cont", 8, 25, 10);

            DuplicateDeliveryTest.assertClean(result);
        }
    }
}
