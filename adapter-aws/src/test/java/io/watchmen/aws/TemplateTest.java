package io.watchmen.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SAM template as deployed ({@code sam deploy} reads it from the module directory): its functions point at
 * handler classes that exist, and the ledger purge runs on a schedule. CloudFormation's short tags ({@code !Ref},
 * {@code !Sub}) are read as their plain values.
 */
class TemplateTest {

    private static JsonNode resources;

    @BeforeAll
    static void readTemplate() throws Exception {
        resources = new YAMLMapper().readTree(Path.of("template.yaml").toFile()).get("Resources");
    }

    private static Class<?> handlerClass(JsonNode function) throws ClassNotFoundException {
        String handler = function.at("/Properties/Handler").asText();
        return Class.forName(handler.substring(0, handler.indexOf("::")));
    }

    @Test
    void ledgerPurge_runsEveryHour() {
        JsonNode events = resources.at("/LedgerPurgeFunction/Properties/Events");

        assertThat(events.size()).isEqualTo(1);
        JsonNode schedule = events.elements().next();
        assertThat(schedule.get("Type").asText()).isEqualTo("Schedule");
        assertThat(schedule.at("/Properties/Schedule").asText()).isEqualTo("rate(1 hour)");
    }

    @Test
    void ledgerPurge_pointsAtThePurgeHandlerInTheSameJar() throws Exception {
        JsonNode purge = resources.get("LedgerPurgeFunction");
        JsonNode pipeline = resources.get("PipelineFunction");

        assertThat(purge.get("Type").asText()).isEqualTo("AWS::Serverless::Function");
        assertThat(purge.at("/Properties/Handler").asText())
                .isEqualTo("io.watchmen.aws.LedgerPurgeHandler::handleRequest");
        assertThat(handlerClass(purge)).isEqualTo(LedgerPurgeHandler.class);
        assertThat(RequestHandler.class).isAssignableFrom(handlerClass(purge));
        assertThat(purge.at("/Properties/CodeUri")).isEqualTo(pipeline.at("/Properties/CodeUri"));
    }

    @Test
    void ledgerPurge_readsTheSameMetaDatabaseAsThePipelineFunction() {
        JsonNode purge = resources.at("/LedgerPurgeFunction/Properties/Environment/Variables");
        JsonNode pipeline = resources.at("/PipelineFunction/Properties/Environment/Variables");

        for (String variable : new String[] {"WATCHMEN_META_JDBC_URL", "META_STORAGE_USER_NAME",
                "META_STORAGE_PASSWORD"}) {
            assertThat(purge.get(variable)).as(variable).isEqualTo(pipeline.get(variable));
        }
        assertThat(purge.get("WATCHMEN_LEDGER_RETENTION_HOURS").asText()).isEqualTo("LedgerRetentionHours");
        assertThat(resources.at("/LedgerPurgeFunction/Properties/VpcConfig"))
                .isEqualTo(resources.at("/PipelineFunction/Properties/VpcConfig"));
    }

    @Test
    void pipelineFunction_pointsAtTheS3Handler() throws Exception {
        assertThat(handlerClass(resources.get("PipelineFunction"))).isEqualTo(S3TriggerHandler.class);
        assertThat(resources.at("/PipelineFunction/Properties/Events/ObjectCreated/Type").asText()).isEqualTo("S3");
    }
}
