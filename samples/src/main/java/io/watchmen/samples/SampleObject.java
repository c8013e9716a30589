package io.watchmen.samples;

import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;

/**
 * One sample storage object: its file name (processing order is name order) and its bytes.
 *
 * @param name    the file name, e.g. {@code 001-order-SO-1001.json}
 * @param content the object's bytes: one JSON document, a JSON array or NDJSON
 */
public record SampleObject(String name, byte[] content) {

    /** The object as a local storage object ({@code local://samples/<name>}), as the CLI and the tests hand it to the core. */
    public StorageObject toStorageObject() {
        return new StorageObject(new ObjectRef("local", "samples", name, null, content.length), content);
    }

    @Override
    public String toString() {
        return "SampleObject[" + name + ", " + content.length + " bytes]";
    }
}
