package io.watchmen.core.trigger;

/**
 * The only thing adapters call: parse a storage object, authenticate each item's PAT, run its pipelines, and say
 * what happened. Implemented by {@code CoreRuntime}; tests may pass a fake.
 */
@FunctionalInterface
public interface StorageObjectHandler {
    ObjectOutcome handle(StorageObject object);
}
