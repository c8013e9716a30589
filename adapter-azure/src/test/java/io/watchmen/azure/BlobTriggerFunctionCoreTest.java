package io.watchmen.azure;

import io.watchmen.samples.testing.SampleCore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.testing.TestDatabase;
import io.watchmen.core.trigger.function.FunctionRuntime;
import io.watchmen.core.trigger.function.RetryableDeliveryException;
import io.watchmen.samples.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The whole path with the real core: sample blobs in Azurite, Event Grid {@code BlobCreated} fixtures naming them
 * (percent-encoded URLs), this test acting as the Functions host (one invocation per blob, with the downloaded bytes
 * and the decoded name, as the binding gives them), and the rows checked in the database. Runs when
 * {@value AzuriteBlobTest#ENDPOINT_VARIABLE} names Azurite ({@code .ci/emulators.sh} starts one); skipped otherwise.
 */
class BlobTriggerFunctionCoreTest {

    /** Azurite's well-known development account key (public, documented by Microsoft). */
    private static final String DEV_ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static final String CONTAINER = "orders";
    private static final String NAME_1001 = "incoming/SO 1001+paid.json";
    private static final String NAME_1002 = "incoming/SO-1002.json";
    private static final String NAME_1003 = "incoming/SO 1003 (copy).json";
    private static final String NAME_UNKNOWN_PAT = "incoming/unknown pat.json";

    private static String connectionString;
    private static BlobContainerClient container;

    @BeforeAll
    static void putSampleBlobs() {
        String endpoint = System.getenv(AzuriteBlobTest.ENDPOINT_VARIABLE);
        assumeTrue(endpoint != null && !endpoint.isBlank(), AzuriteBlobTest.ENDPOINT_VARIABLE
                + " is not set: start Azurite with .ci/emulators.sh to run this test");
        connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DEV_ACCOUNT_KEY
                + ";BlobEndpoint=" + endpoint + ";";
        container = new BlobServiceClientBuilder().connectionString(connectionString).buildClient()
                .createBlobContainerIfNotExists(CONTAINER);
        put(NAME_1001, SampleCore.sample("001-order-SO-1001.json"));
        put(NAME_1002, SampleCore.sample("002-order-SO-1002.json"));
        put(NAME_1003, SampleCore.sample("003-order-SO-1003.json"));
        put(NAME_UNKNOWN_PAT, SampleCore.withUnknownPat("004-order-SO-1004.json"));
    }

    private static void put(String name, byte[] content) {
        container.getBlobClient(name).upload(BinaryData.fromBytes(content), true);
    }

    /**
     * What the host does for each event of a fixture: decode the blob URL into container and name, download the
     * blob, and invoke the function with both.
     */
    private static void deliver(FunctionRuntime runtime, String fixture, TestExecutionContext context)
            throws IOException {
        JsonNode events;
        try (InputStream in = BlobTriggerFunctionCoreTest.class.getResourceAsStream(
                "BlobTriggerFunctionCoreTest/" + fixture)) {
            events = WatchmenJson.mapper().readTree(in);
        }
        BlobTriggerFunction function = new BlobTriggerFunction(runtime,
                BlobETags.forConnectionString(connectionString), CONTAINER);
        for (JsonNode event : events) {
            String path = URI.create(event.path("data").path("url").asText()).getPath();
            String blobContainer = path.substring(1, path.indexOf('/', 1));
            String name = path.substring(path.indexOf('/', 1) + 1);
            assertThat(blobContainer).isEqualTo(CONTAINER);
            byte[] content = container.getBlobClient(name).downloadContent().toBytes();
            function.run(content, name, context);
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void run_oneAndTwoBlobEvents_writeTheOrdersIntoTheDatabase(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "azfull")) {
            TestExecutionContext context = new TestExecutionContext("inv-1");

            deliver(core.runtime, "single-blob.json", context);
            deliver(core.runtime, "two-blobs.json", context);

            assertThat(core.orderNos("raw_order")).containsExactlyInAnyOrder("SO-1001", "SO-1002", "SO-1003");
            assertThat(core.orderNos("order_fact")).containsExactlyInAnyOrder("SO-1001", "SO-1002", "SO-1003");
            assertThat(context.lines).hasSize(3).allSatisfy(line -> assertThat(line)
                    .contains("\"status\":\"succeeded\"", "\"done\":1").doesNotContain(Samples.patToken()));
            assertThat(context.lines.get(0)).contains("\"key\":\"" + NAME_1001 + "\"");
            // The blob's ETag (Content-MD5 verified against the delivered bytes) is the version token.
            assertThat(context.lines).noneMatch(line -> line.contains("\"version\":null"));
            assertThat(core.deadLetters()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void run_sameBlobDeliveredTwice_skipsTheSecondDelivery(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "aztwice")) {
            deliver(core.runtime, "two-blobs.json", new TestExecutionContext("first"));
            TestExecutionContext again = new TestExecutionContext("again");

            deliver(core.runtime, "two-blobs.json", again);

            assertThat(again.lines).hasSize(2).allSatisfy(line -> assertThat(line)
                    .contains("\"status\":\"succeeded\"", "\"skipped\":1", "\"done\":0"));
            assertThat(core.orderNos("raw_order")).containsExactlyInAnyOrder("SO-1002", "SO-1003");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.class, names = {"H2", "MARIADB"})
    void run_unknownPat_isDeadLetteredAndReturnsNormally(TestDatabase database) throws Exception {
        try (SampleCore core = SampleCore.start(database, "azpat")) {
            TestExecutionContext context = new TestExecutionContext("inv-pat");

            deliver(core.runtime, "unknown-pat.json", context);

            assertThat(core.deadLetters()).singleElement().satisfies(letter -> {
                assertThat(letter.errorCode()).isEqualTo(ErrorCode.PAT_UNAUTHORIZED);
                assertThat(letter.deadLettered()).isTrue();
                assertThat(letter.key().ref().key()).isEqualTo(NAME_UNKNOWN_PAT);
            });
            assertThat(core.orderNos("raw_order")).isEmpty();
            assertThat(context.lines).singleElement().asString().contains("\"status\":\"dead_lettered\"",
                    "PAT_UNAUTHORIZED").doesNotContain("wmpat-nobody-has-this-token");
        }
    }

    @Test
    void run_databaseUnreachable_throwsSoTheHostRetries() throws Exception {
        try (FunctionRuntime runtime = SampleCore.unreachable()) {
            assertThatThrownBy(() -> deliver(runtime, "single-blob.json", new TestExecutionContext("inv-down")))
                    .isInstanceOf(RetryableDeliveryException.class)
                    .hasMessageContaining("azure://orders/" + NAME_1001);
        }
    }
}
