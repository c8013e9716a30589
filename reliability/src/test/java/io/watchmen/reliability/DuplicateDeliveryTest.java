package io.watchmen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DuplicateDeliveryTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB", "POSTGRES"})
    void eachObjectDeliveredThreeTimesInARow_leavesTheRowsOfOneDelivery(TestDatabase kind) throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.create(kind, "dupseq")) {
            CaseResult result = new DuplicateSuite(suite.runtime, suite.target(), 100).sequential("dseq", 20, 3);

            assertClean(result);
            assertThat(result.attempts()).isEqualTo(60);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB", "POSTGRES"})
    void eachObjectDeliveredByEightThreadsAtOnce_isDoneOnceAndSkippedSevenTimes(TestDatabase kind)
            throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.create(kind, "dupcon")) {
            CaseResult result = new DuplicateSuite(suite.runtime, suite.target(), 100).concurrent("dcon", 10, 8);

            assertClean(result);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB", "POSTGRES"})
    void randomizedReplaysFromFourThreads_writeNoDuplicateAndLoseNothing(TestDatabase kind) throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.create(kind, "duprnd")) {
            CaseResult result = new DuplicateSuite(suite.runtime, suite.target(), 100)
                    .randomized("drnd", 60, 400, 4, 42);

            assertClean(result);
            assertThat(result.attempts()).isGreaterThanOrEqualTo(400);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB", "POSTGRES"})
    void objectsOfManyItemsInChunks_deliveredByFourThreadsAtOnce_doEveryItemOnce(TestDatabase kind)
            throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.create(kind, "dupobj", 8)) {
            CaseResult result = new DuplicateSuite(suite.runtime, suite.target(), 100)
                    .concurrentObjects("dobj", 80, 30, 4, 5);

            assertClean(result);
        }
    }

    static void assertClean(CaseResult result) {
        assertThat(result.problems()).as(result.name()).isEmpty();
        assertThat(result.lost()).as("lost").isZero();
        assertThat(result.duplicated()).as("duplicated").isZero();
        assertThat(result.wrong()).as("wrong values").isZero();
        assertThat(result.deadLettered()).as("dead-lettered").isZero();
    }
}
