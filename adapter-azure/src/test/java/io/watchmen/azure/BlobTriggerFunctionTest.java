package io.watchmen.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import org.junit.jupiter.api.Test;

class BlobTriggerFunctionTest {

    private static final byte[] CONTENT = "{\"code\":\"orders\",\"data\":{},\"pat\":\"secret\"}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void run_newBlob_handsBytesAndNameToTheCore() {
        FakeHandler handler = new FakeHandler(Disposition.SUCCEEDED, ItemStatus.DONE);
        TestExecutionContext context = new TestExecutionContext("inv-1");

        new BlobTriggerFunction(FunctionRuntime.of(handler), BlobETags.disabled(), "ingest")
                .run(CONTENT, "dir/my report (final)+v2.json", context);

        assertThat(handler.handled).singleElement().satisfies(object -> {
            assertThat(object.ref().provider()).isEqualTo("azure");
            assertThat(object.ref().bucket()).isEqualTo("ingest");
            assertThat(object.ref().key()).isEqualTo("dir/my report (final)+v2.json");
            assertThat(object.ref().version()).isNull();
            assertThat(object.ref().size()).isEqualTo(CONTENT.length);
            assertThat(object.content()).isEqualTo(CONTENT);
        });
        assertThat(context.lines).singleElement().asString().contains("\"requestId\":\"inv-1\"",
                "\"status\":\"succeeded\"", "\"traceIds\":[\"42\"]").doesNotContain("secret");
    }

    @Test
    void run_retryNeeded_throwsSoTheHostRetries() {
        FakeHandler handler = new FakeHandler(Disposition.RETRY, ItemStatus.ERROR);
        BlobTriggerFunction function = new BlobTriggerFunction(FunctionRuntime.of(handler), BlobETags.disabled(),
                "ingest");

        assertThatThrownBy(() -> function.run(CONTENT, "a.json", new TestExecutionContext("inv-2")))
                .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("azure://ingest/a.json");
    }

    @Test
    void run_alreadyProcessed_returnsNormally() {
        FakeHandler handler = new FakeHandler(Disposition.SUCCEEDED, ItemStatus.SKIPPED);
        TestExecutionContext context = new TestExecutionContext("inv-3");

        new BlobTriggerFunction(FunctionRuntime.of(handler), BlobETags.disabled(), "ingest")
                .run(CONTENT, "a.json", context);

        assertThat(context.lines.get(0)).contains("\"skipped\":1");
    }

    @Test
    void run_deadLettered_returnsNormally() {
        FakeHandler handler = new FakeHandler(Disposition.DEAD_LETTERED, ItemStatus.ERROR);

        new BlobTriggerFunction(FunctionRuntime.of(handler), BlobETags.disabled(), "ingest")
                .run(CONTENT, "a.json", new TestExecutionContext("inv-4"));

        assertThat(handler.handled).hasSize(1);
    }

    @Test
    void trigger_isBinaryEventGridBlobTriggerOnTheConfiguredContainer() {
        Method run = Arrays.stream(BlobTriggerFunction.class.getMethods())
                .filter(m -> m.isAnnotationPresent(FunctionName.class)).findFirst().orElseThrow();
        BlobTrigger trigger = run.getParameters()[0].getAnnotation(BlobTrigger.class);

        assertThat(trigger.dataType()).isEqualTo("binary");
        assertThat(trigger.path()).isEqualTo("%WATCHMEN_AZURE_CONTAINER%/{name}");
        assertThat(trigger.connection()).isEqualTo("WATCHMEN_AZURE_STORAGE");
        assertThat(trigger.source()).isEqualTo("EventGrid");
    }
}
