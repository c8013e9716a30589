package io.watchmen.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.watchmen.core.trigger.Disposition;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.function.FunctionRuntime;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs against Azurite's blob service when {@value #ENDPOINT_VARIABLE} names it (for example
 * {@code http://127.0.0.1:10000/devstoreaccount1}; {@code .ci/emulators.sh} starts one); skipped otherwise.
 */
class AzuriteBlobTest {

    static final String ENDPOINT_VARIABLE = "WATCHMEN_TEST_AZURITE_BLOB_ENDPOINT";
    /** Azurite's well-known development account key (public, documented by Microsoft). */
    private static final String DEV_ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static String connectionString;

    @BeforeAll
    static void requireAzurite() {
        String endpoint = System.getenv(ENDPOINT_VARIABLE);
        assumeTrue(endpoint != null && !endpoint.isBlank(),
                ENDPOINT_VARIABLE + " is not set: start Azurite with .ci/emulators.sh to run this test");
        connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DEV_ACCOUNT_KEY
                + ";BlobEndpoint=" + endpoint + ";";
    }

    private static BlobClient upload(String container, String name, String text) {
        BlobClient blob = new BlobServiceClientBuilder().connectionString(connectionString).buildClient()
                .createBlobContainerIfNotExists(container).getBlobClient(name);
        blob.upload(BinaryData.fromString(text), true);
        return blob;
    }

    @Test
    void run_uploadedBlob_feedsBytesAndVerifiedETag() {
        String container = "ingest-" + UUID.randomUUID().toString().substring(0, 8);
        String name = "dir/my report (final)+v2.json";
        BlobClient blob = upload(container, name, "{\"code\":\"orders\"}");
        byte[] delivered = blob.downloadContent().toBytes();
        String etag = blob.getProperties().getETag().replace("\"", "");
        FakeHandler handler = new FakeHandler(Disposition.SUCCEEDED, ItemStatus.DONE);

        new BlobTriggerFunction(FunctionRuntime.of(handler), BlobETags.forConnectionString(connectionString),
                container).run(delivered, name, new TestExecutionContext("inv-azurite"));

        assertThat(handler.handled).singleElement().satisfies(object -> {
            assertThat(object.ref().version()).isEqualTo(etag);
            assertThat(new String(object.content(), StandardCharsets.UTF_8)).isEqualTo("{\"code\":\"orders\"}");
        });
    }

    @Test
    void run_blobOverwrittenSinceDelivery_fallsBackToContentIdentity() {
        String container = "ingest-" + UUID.randomUUID().toString().substring(0, 8);
        BlobClient blob = upload(container, "a.json", "first");
        byte[] delivered = blob.downloadContent().toBytes();
        upload(container, "a.json", "second, newer");
        FakeHandler handler = new FakeHandler(Disposition.SUCCEEDED, ItemStatus.DONE);

        new BlobTriggerFunction(FunctionRuntime.of(handler), BlobETags.forConnectionString(connectionString),
                container).run(delivered, "a.json", new TestExecutionContext("inv-race"));

        assertThat(handler.handled).singleElement().satisfies(object -> assertThat(object.ref().version()).isNull());
    }
}
