package io.watchmen.samples;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchmen.core.kernel.InvocationResult;
import io.watchmen.core.kernel.PipelineRun;
import io.watchmen.core.model.monitor.MonitorLogStatus;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.testing.TestDb;
import io.watchmen.core.trigger.CoreRuntime;
import io.watchmen.samples.function.CustomPipelineFunction;
import io.watchmen.samples.function.StorageObjectFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The two functions of docs/develop-a-function.md compile and run against the samples. */
class CustomPipelineFunctionTest {

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void customFunction_runsTheKernelDirectly_andCascades(TestDatabase database) throws Exception {
        try (TestDb db = database.create("customfn")) {
            try (CoreRuntime runtime = CoreRuntime.create(SampleRunTest.settingsFor(db))) {
                SampleInstaller.install(runtime, false);
            }
            SampleObject first = Samples.objects().get(0);
            try (CustomPipelineFunction function = new CustomPipelineFunction(SampleRunTest.settingsFor(db))) {
                InvocationResult result = function.handle(first.content());

                assertThat(result.internalDataId()).isPositive();
                assertThat(result.runs()).extracting(PipelineRun::pipelineId)
                        .containsExactly("pl-order-fact", "pl-customer-summary", "pl-daily-sales");
                assertThat(result.runs()).allMatch(run -> run.status() == MonitorLogStatus.DONE);
            }
            try (CoreRuntime runtime = CoreRuntime.create(SampleRunTest.settingsFor(db))) {
                List<Map<String, Object>> facts = TopicRows.read(
                        runtime.registry().forTopic(Samples.topic("order_fact")), Samples.topic("order_fact"));
                assertThat(facts).hasSize(1);
                assertThat(facts.get(0)).containsEntry("orderNo", "SO-1001");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = "H2")
    void storageObjectFunction_handsObjectsToCoreRuntime(TestDatabase database) throws Exception {
        try (TestDb db = database.create("objectfn")) {
            try (CoreRuntime runtime = CoreRuntime.create(SampleRunTest.settingsFor(db))) {
                SampleInstaller.install(runtime, false);
            }
            SampleObject batch = Samples.objects().get(Samples.objects().size() - 1);
            try (StorageObjectFunction function = new StorageObjectFunction(SampleRunTest.settingsFor(db))) {
                var outcome = function.onObjectCreated("orders", batch.name(), null, batch.content());

                assertThat(outcome.succeeded()).isTrue();
                assertThat(outcome.items()).hasSize(3);
            }
        }
    }
}
