package io.watchmen.core.trigger;

/** A storage object as an adapter read it: where it is, and its bytes. */
public record StorageObject(ObjectRef ref, byte[] content) {
    public StorageObject {
        content = content == null ? new byte[0] : content;
    }

    @Override
    public String toString() {
        return "StorageObject[" + ref.display() + ", " + content.length + " bytes]";
    }
}
