package io.watchmen.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GcsFinalizedFunctionTest {

    private static final String NAME = "incoming/my report (final)+v2.json";

    private final List<StorageObject> handled = new CopyOnWriteArrayList<>();
    private final List<String> lines = new ArrayList<>();
    private Storage storage;

    @BeforeEach
    void createObject() {
        storage = LocalStorageHelper.getOptions().getService();
        storage.create(BlobInfo.newBuilder("ingest", NAME).build(), "{\"code\":\"orders\"}"
                .getBytes(StandardCharsets.UTF_8));
    }

    private GcsFinalizedFunction function(Disposition disposition, ItemStatus status) {
        StorageObjectHandler fake = object -> {
            handled.add(object);
            return new ObjectOutcome(object.ref(), List.of(new ItemOutcome(0, status, "99", 1L, null, null,
                    List.of())), disposition);
        };
        return new GcsFinalizedFunction(FunctionRuntime.of(fake), () -> storage, new FunctionLog(lines::add));
    }

    /** The event decoded from a binary-mode HTTP request (ce-* headers, JSON body), as Eventarc delivers it. */
    private static CloudEvent event(String type, byte[] data) {
        Map<String, String> headers = Map.of("ce-specversion", "1.0", "ce-id", "evt-1", "ce-type", type,
                "ce-source", "//storage.googleapis.com/projects/_/buckets/ingest", "ce-subject", "objects/" + NAME,
                "content-type", "application/json");
        return HttpMessageFactory.createReader(headers, data).toEvent();
    }

    private static byte[] fixture(Long generation) throws IOException {
        try (InputStream in = GcsFinalizedFunctionTest.class
                .getResourceAsStream("GcsFinalizedFunctionTest/finalized-data.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            // The in-memory fake keeps no generations; an event without one reads the live object.
            return (generation == null ? json.replace("\"generation\": \"1587627537231057\",", "") : json)
                    .getBytes(StandardCharsets.UTF_8);
        }
    }

    @Test
    void accept_finalizedEvent_readsTheObjectAndHandsItToTheCore() throws Exception {
        function(Disposition.SUCCEEDED, ItemStatus.DONE).accept(event(GcsFinalizedFunction.FINALIZED, fixture(null)));

        assertThat(handled).singleElement().satisfies(object -> {
            assertThat(object.ref().provider()).isEqualTo("gcp");
            assertThat(object.ref().bucket()).isEqualTo("ingest");
            assertThat(object.ref().key()).isEqualTo(NAME);
            assertThat(object.ref().size()).isEqualTo(64);
            assertThat(new String(object.content(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"orders\"}");
        });
        assertThat(lines).singleElement().asString().contains("\"requestId\":\"evt-1\"", "\"status\":\"succeeded\"",
                "\"traceIds\":[\"99\"]");
    }

    @Test
    void parse_generation_isTheVersionToken() throws Exception {
        GcsObjectData data = GcsObjectData.parse(fixture(1587627537231057L));

        assertThat(data.generation()).isEqualTo(1587627537231057L);
        assertThat(data.name()).isEqualTo(NAME);
    }

    @Test
    void accept_retryNeeded_throws() {
        GcsFinalizedFunction function = function(Disposition.RETRY, ItemStatus.ERROR);

        assertThatThrownBy(() -> function.accept(event(GcsFinalizedFunction.FINALIZED, fixture(null))))
                .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("gcp://ingest/" + NAME);
    }

    @Test
    void accept_alreadyProcessed_returnsNormally() throws Exception {
        function(Disposition.SUCCEEDED, ItemStatus.SKIPPED).accept(event(GcsFinalizedFunction.FINALIZED,
                fixture(null)));

        assertThat(lines.get(0)).contains("\"skipped\":1");
    }

    @Test
    void accept_deletedObject_isNotRetried() throws Exception {
        storage.delete("ingest", NAME);

        function(Disposition.SUCCEEDED, ItemStatus.DONE).accept(event(GcsFinalizedFunction.FINALIZED, fixture(null)));

        assertThat(handled).isEmpty();
        assertThat(lines.get(0)).contains("\"status\":\"missing\"");
    }

    @Test
    void accept_otherEventType_isIgnored() throws Exception {
        function(Disposition.SUCCEEDED, ItemStatus.DONE).accept(event("google.cloud.storage.object.v1.deleted",
                fixture(null)));

        assertThat(handled).isEmpty();
    }

    @Test
    void accept_malformedEventData_isDroppedNotRetried() {
        function(Disposition.SUCCEEDED, ItemStatus.DONE).accept(event(GcsFinalizedFunction.FINALIZED,
                "not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(handled).isEmpty();
        assertThat(lines).isEmpty();
    }
}
