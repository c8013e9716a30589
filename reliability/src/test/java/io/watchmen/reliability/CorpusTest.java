package io.watchmen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.trigger.StorageObjectParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CorpusTest {

    private static final CorpusCase.Limits LIMITS = new CorpusCase.Limits(SuiteDatabase.MAX_OBJECT_BYTES + 1,
            StorageObjectParser.DEFAULT_MAX_NESTING_DEPTH * 5, StorageObjectParser.DEFAULT_MAX_STRING_LENGTH + 1);

    @Test
    void index_hasSixtyOrMoreCasesWithCodesAndFragments() {
        List<CorpusCase> cases = CorpusCase.load();

        assertThat(cases).hasSizeGreaterThanOrEqualTo(60);
        assertThat(cases).extracting(CorpusCase::name).doesNotHaveDuplicates();
        for (CorpusCase c : cases) {
            assertThat(c.content(new CorpusCase.Limits(100, 10, 10))).as(c.name()).isNotNull();
            if (c.expect().equals("failure")) {
                assertThat(c.code()).as(c.name()).isNotBlank();
                assertThat(c.fragment()).as(c.name()).isNotBlank();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyCase_givesOneFailureRecordWithItsCodeWritesNothingAndTheNextObjectIsServed(TestDatabase kind)
            throws Exception {
        try (SuiteDatabase suite = SuiteDatabase.create(kind, "corpus")) {
            List<CaseResult> results = new CorpusSuite(suite.runtime, suite.target(), LIMITS, "t1").runAll();

            assertThat(results).hasSizeGreaterThan(60);
            assertThat(results.stream().filter(r -> !r.ok()).map(r -> r.name() + ": " + r.problems()))
                    .as("failed corpus cases").isEmpty();
        }
    }
}
