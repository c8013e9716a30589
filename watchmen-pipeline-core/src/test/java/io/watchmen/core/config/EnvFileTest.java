package io.watchmen.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvFileTest {

    @TempDir
    Path temp;

    @Test
    void overlay_readsAssignmentsQuotesAndComments_andTheEnvironmentWins() throws Exception {
        Path file = temp.resolve(".env");
        Files.writeString(file, """
                # Watchmen settings
                META_STORAGE_HOST=db.internal
                export META_STORAGE_PORT=3307
                META_STORAGE_PASSWORD="p#ss word"
                SNOWFLAKE_WORKER_ID=5 # fixed id
                not an assignment
                KERNEL_CACHE=true
                """);
        Map<String, String> merged = EnvFile.overlay(file, Map.of("KERNEL_CACHE", "false"));
        assertThat(merged).containsEntry("META_STORAGE_HOST", "db.internal")
                .containsEntry("META_STORAGE_PORT", "3307")
                .containsEntry("META_STORAGE_PASSWORD", "p#ss word")
                .containsEntry("SNOWFLAKE_WORKER_ID", "5")
                .containsEntry("KERNEL_CACHE", "false");
        Settings settings = Settings.fromEnvironment(merged);
        assertThat(settings.meta().port()).isEqualTo(3307);
        assertThat(settings.caches().enabled()).isFalse();
    }

    @Test
    void overlay_withoutAFile_isTheEnvironment() {
        Map<String, String> environment = Map.of("A", "1");
        assertThat(EnvFile.overlay(temp.resolve("absent.env"), environment)).isSameAs(environment);
    }
}
