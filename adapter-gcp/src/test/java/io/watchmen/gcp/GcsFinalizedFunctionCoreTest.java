package io.watchmen.gcp;

import io.watchmen.samples.testing.SampleCore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.cloudevents.CloudEvent;
import io.cloudevents.http.HttpMessageFactory;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.trigger.function.FunctionLog;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import io.watchmen.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole path with the real core: sample objects in the in-memory GCS fake, finalized CloudEvents whose data is
 * a fixture file naming them, decoded from a binary-mode HTTP request as Eventarc sends it, and the rows checked in
 * the database. One object per event; the batch object carries three records (NDJSON).
 */
class GcsFinalizedFunctionCoreTest {

    /** GCS names are not URL-encoded: spaces and "+" are part of the name. */
    private static final String NAME_1001 = "incoming/SO 1001+paid.json";
    private static final String NAME_BATCH = "incoming/orders batch+3.ndjson";
    private static final String NAME_UNKNOWN_PAT = "incoming/unknown pat.json";

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private Storage storage;

    @BeforeEach
    void putSampleObjects() {
        storage = LocalStorageHelper.getOptions().getService();
        put(NAME_1001, SampleCore.sample("001-order-SO-1001.json"));
        put(NAME_BATCH, SampleCore.sample("022-orders-batch.ndjson"));
        put(NAME_UNKNOWN_PAT, SampleCore.withUnknownPat("004-order-SO-1004.json"));
    }

    private void put(String name, byte[] content) {
        storage.create(BlobInfo.newBuilder("orders", name).build(), content);
    }

    private GcsFinalizedFunction function(FunctionRuntime runtime) {
        return new GcsFinalizedFunction(runtime, () -> storage, new FunctionLog(lines::add));
    }

    /** A finalized event carrying the fixture as its data, decoded from ce-* headers and a JSON body. */
    private static CloudEvent event(String fixture, String id) throws IOException {
        byte[] data;
        try (InputStream in = GcsFinalizedFunctionCoreTest.class.getResourceAsStream(
                "GcsFinalizedFunctionCoreTest/" + fixture)) {
            data = in.readAllBytes();
        }
        String name = WatchmenJson.mapper().readTree(data).get("name").asText();
        Map<String, String> headers = Map.of("ce-specversion", "1.0", "ce-id", id, "ce-type",
                GcsFinalizedFunction.FINALIZED, "ce-source", "//storage.googleapis.com/projects/_/buckets/orders",
                "ce-subject", "objects/" + name, "content-type", "application/json");
        return HttpMessageFactory.createReader(headers, data).toEvent();
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void accept_singleAndBatchObjects_writeTheOrdersIntoTheDatabase(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "gcsfull")) {
            function(core.runtime).accept(event("single-object.json", "evt-1"));
            function(core.runtime).accept(event("batch-object.json", "evt-2"));

            assertThat(core.orderNos("raw_order"))
                    .containsExactlyInAnyOrder("SO-1001", "SO-1019", "SO-1020", "SO-1021");
            assertThat(core.orderNos("order_fact"))
                    .containsExactlyInAnyOrder("SO-1001", "SO-1019", "SO-1020", "SO-1021");
            assertThat(lines).hasSize(2);
            assertThat(lines.get(0)).contains("\"requestId\":\"evt-1\"", "\"key\":\"" + NAME_1001 + "\"",
                    "\"status\":\"succeeded\"", "\"done\":1");
            assertThat(lines.get(1)).contains("\"requestId\":\"evt-2\"", "\"status\":\"succeeded\"", "\"items\":3",
                    "\"done\":3");
            assertThat(lines).noneMatch(line -> line.contains(Samples.patToken()));
            assertThat(core.deadLetters()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void accept_sameEventDeliveredTwice_skipsTheSecondDelivery(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "gcstwice")) {
            function(core.runtime).accept(event("batch-object.json", "evt-1"));

            function(core.runtime).accept(event("batch-object.json", "evt-1"));

            assertThat(lines.get(1)).contains("\"status\":\"succeeded\"", "\"skipped\":3", "\"done\":0");
            assertThat(core.orderNos("raw_order")).containsExactlyInAnyOrder("SO-1019", "SO-1020", "SO-1021");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void accept_unknownPat_isDeadLetteredAndReturnsNormally(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "gcspat")) {
            function(core.runtime).accept(event("unknown-pat.json", "evt-pat"));

            assertThat(core.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
                assertThat(letter.deadLettered()).isTrue();
                assertThat(letter.key().ref().key()).isEqualTo(NAME_UNKNOWN_PAT);
            });
            assertThat(core.orderNos("raw_order")).isEmpty();
            assertThat(lines).singleElement().asString().contains("\"status\":\"dead_lettered\"", "PAT_UNAUTHORIZED")
                    .doesNotContain("wmpat-nobody-has-this-token");
        }
    }

    @Test
    void accept_databaseUnreachable_throwsSoTheEventIsRetried() throws Exception {
        try (FunctionRuntime runtime = SampleCore.unreachable()) {
            CloudEvent event = event("single-object.json", "evt-down");

            assertThatThrownBy(() -> function(runtime).accept(event))
                    .isInstanceOf(RetryableDeliveryException.class).hasMessageContaining("gcp://orders/" + NAME_1001);
        }
    }
}
