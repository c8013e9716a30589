package io.watchmen.core.kernel;

import io.watchmen.core.model.system.ExternalWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Registry of external writer implementations by writer code (immutable; {@link #with} returns a copy). A writer
 * row is matched by its {@code writerCode} first, then by its type ({@code standard-writer}).
 */
public final class ExternalWriters {

    /** The code under which {@link #standard(Duration)} registers the HTTP writer. */
    public static final String STANDARD = "standard-writer";

    private final Map<String, io.watchmen.core.kernel.ExternalWriter> writers;

    private ExternalWriters(Map<String, io.watchmen.core.kernel.ExternalWriter> writers) {
        this.writers = Map.copyOf(writers);
    }

    public static ExternalWriters none() {
        return new ExternalWriters(Map.of());
    }

    /** The standard HTTP writer (java.net.http) with the given request timeout. */
    public static ExternalWriters standard(Duration timeout) {
        return none().with(STANDARD, new StandardHttpWriter(timeout));
    }

    public ExternalWriters with(String writerCode, io.watchmen.core.kernel.ExternalWriter writer) {
        Map<String, io.watchmen.core.kernel.ExternalWriter> copy = new HashMap<>(writers);
        copy.put(writerCode, writer);
        return new ExternalWriters(copy);
    }

    /** The implementation for a writer row, by code then by type. */
    public Optional<io.watchmen.core.kernel.ExternalWriter> find(ExternalWriter row) {
        io.watchmen.core.kernel.ExternalWriter byCode = row.writerCode() == null ? null : writers.get(row.writerCode());
        if (byCode != null) {
            return Optional.of(byCode);
        }
        return Optional.ofNullable(row.type() == null ? null : writers.get(row.type().json()));
    }
}
