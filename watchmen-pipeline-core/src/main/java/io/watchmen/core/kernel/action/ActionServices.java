package io.watchmen.core.kernel.action;

import io.watchmen.core.config.Settings;
import io.watchmen.core.kernel.ExternalWriters;
import io.watchmen.core.model.topic.Topic;
import io.watchmen.core.schema.TopicSchema;
import io.watchmen.core.storage.TopicDataService;
import io.watchmen.core.value.FactorCaster;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/** What actions need from the kernel: storage, schemas (cached), the caster, settings, time and writers. */
public record ActionServices(TopicDataService data, Function<Topic, TopicSchema> schemas, FactorCaster caster,
                             Settings.Pipelines settings, Clock clock, ExternalWriters writers, Sleeper sleeper) {

    /** Pauses between optimistic-lock retries; tests pass a no-op. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis);

        Sleeper THREAD = millis -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Naive local time truncated to seconds, as written to topic rows. */
    public LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}
