package io.watchmen.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Serverless Devs descriptor as deployed ({@code s deploy} reads it from the module directory): the OSS-triggered
 * function and the hourly timer-triggered purge run the same jar, and the purge function's start argument selects
 * the purge handler in {@link CustomRuntimeServer}.
 */
class ServerlessDevsYamlTest {

    private static JsonNode resources;

    @BeforeAll
    static void readDescriptor() throws Exception {
        resources = new YAMLMapper().readTree(Path.of("s.yaml").toFile()).get("resources");
    }

    /** The arguments after {@code -jar <jar>}: what {@link CustomRuntimeServer#main} receives. */
    private static String[] mainArguments(JsonNode function) {
        List<String> args = new ArrayList<>();
        function.at("/props/customRuntimeConfig/args").forEach(arg -> args.add(arg.asText()));
        return args.subList(args.indexOf("-jar") + 2, args.size()).toArray(String[]::new);
    }

    private static String jar(JsonNode function) {
        List<String> args = new ArrayList<>();
        function.at("/props/customRuntimeConfig/args").forEach(arg -> args.add(arg.asText()));
        return args.get(args.indexOf("-jar") + 1);
    }

    @Test
    void ledgerPurge_hasATimerTriggerEveryHour() {
        JsonNode triggers = resources.at("/watchmen_ledger_purge/props/triggers");

        assertThat(triggers).singleElement().satisfies(trigger -> {
            assertThat(trigger.get("triggerType").asText()).isEqualTo("timer");
            assertThat(trigger.at("/triggerConfig/cronExpression").asText()).isEqualTo("0 0 * * * *");
            assertThat(trigger.at("/triggerConfig/enable").asBoolean()).isTrue();
        });
    }

    @Test
    void ledgerPurge_startsTheSameJarWithThePurgeEntry() {
        JsonNode purge = resources.get("watchmen_ledger_purge");
        JsonNode oss = resources.get("watchmen_oss_trigger");

        assertThat(CustomRuntimeServer.entry(mainArguments(purge))).isEqualTo(CustomRuntimeServer.PURGE_LEDGER);
        assertThat(jar(purge)).isEqualTo(jar(oss));
        assertThat(purge.at("/props/code")).isEqualTo(oss.at("/props/code"));
        assertThat(purge.at("/props/runtime")).isEqualTo(oss.at("/props/runtime"));
    }

    @Test
    void ossTrigger_startsTheOssEntry() {
        assertThat(CustomRuntimeServer.entry(mainArguments(resources.get("watchmen_oss_trigger")))).isEqualTo("oss");
    }

    @Test
    void ledgerPurge_readsTheSameMetaDatabaseAsTheOssTrigger() {
        JsonNode purge = resources.at("/watchmen_ledger_purge/props/environmentVariables");
        JsonNode oss = resources.at("/watchmen_oss_trigger/props/environmentVariables");

        for (String variable : new String[] {"WATCHMEN_META_JDBC_URL", "META_STORAGE_USER_NAME",
                "META_STORAGE_PASSWORD"}) {
            assertThat(purge.get(variable)).as(variable).isEqualTo(oss.get(variable));
        }
        assertThat(resources.at("/watchmen_ledger_purge/props/vpcConfig"))
                .isEqualTo(resources.at("/watchmen_oss_trigger/props/vpcConfig"));
    }

    @Test
    void entry_unknownArgument_isRefusedNamingTheChoices() {
        assertThatThrownBy(() -> CustomRuntimeServer.entry(new String[] {"purge"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("purge-ledger");
    }
}
