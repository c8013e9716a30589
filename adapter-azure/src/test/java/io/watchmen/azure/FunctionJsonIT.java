package io.watchmen.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.watchmen.core.json.WatchmenJson;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The function.json files azure-functions-maven-plugin generated from the annotations (after {@code package}), as
 * the host reads them from the staging directory: the blob trigger and the hourly timer of the ledger purge.
 */
class FunctionJsonIT {

    private static final Path STAGING = Path.of("target", "azure-functions", "watchmen-pipelines");

    private static JsonNode functionJson(String function) throws Exception {
        return WatchmenJson.mapper().readTree(Files.readAllBytes(STAGING.resolve(function).resolve("function.json")));
    }

    @Test
    void ledgerPurge_isATimerTriggerEveryHour_onThePurgeFunction() throws Exception {
        JsonNode json = functionJson("watchmenLedgerPurge");

        assertThat(json.get("entryPoint").asText()).isEqualTo(LedgerPurgeFunction.class.getName() + ".run");
        assertThat(json.get("bindings")).singleElement().satisfies(binding -> {
            assertThat(binding.get("type").asText()).isEqualTo("timerTrigger");
            assertThat(binding.get("direction").asText()).isEqualTo("in");
            assertThat(binding.get("schedule").asText()).isEqualTo("0 0 * * * *");
        });
    }

    @Test
    void blobTrigger_isAnEventGridBlobTrigger_onTheBlobFunction() throws Exception {
        JsonNode json = functionJson("watchmenBlobTrigger");

        assertThat(json.get("entryPoint").asText()).isEqualTo(BlobTriggerFunction.class.getName() + ".run");
        assertThat(json.get("bindings")).singleElement().satisfies(binding -> {
            assertThat(binding.get("type").asText()).isEqualTo("blobTrigger");
            assertThat(binding.get("source").asText()).isEqualTo("EventGrid");
        });
    }

    @Test
    void bothFunctions_loadTheSameJar() throws Exception {
        assertThat(functionJson("watchmenLedgerPurge").get("scriptFile"))
                .isEqualTo(functionJson("watchmenBlobTrigger").get("scriptFile"));
    }
}
