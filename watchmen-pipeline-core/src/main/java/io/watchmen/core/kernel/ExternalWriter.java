package io.watchmen.core.kernel;

/** SPI: one implementation of a {@code write-to-external} target (spec 2.11). Must be thread-safe. */
@FunctionalInterface
public interface ExternalWriter {

    /** Writes; a thrown exception fails the action. */
    void write(ExternalWriteRequest request);
}
