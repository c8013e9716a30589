package io.watchmen.core.trigger.function;

/**
 * Reads one object's bytes from its store. Throw {@link ObjectMissingException} when the object (or the version
 * the event named) no longer exists: no retry can bring it back. Any other exception is treated as transient.
 */
@FunctionalInterface
public interface ObjectReader {
    byte[] read() throws Exception;
}
