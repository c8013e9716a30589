package io.watchmen.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.json.WatchmenJson;
import io.watchmen.core.trigger.function.ObjectMissingException;
import java.io.IOException;

/**
 * The fields of a Cloud Storage event's data (a {@code StorageObjectData} in JSON) the adapter needs. The name is
 * not URL-encoded; int64 fields arrive as strings.
 */
record GcsObjectData(String bucket, String name, Long generation, long size) {

    static GcsObjectData parse(byte[] json) {
        JsonNode data;
        try {
            data = json == null ? null : WatchmenJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new WatchmenException(ErrorCode.TRIGGER_MALFORMED, "The storage event data is not JSON: "
                    + e.getMessage(), e);
        }
        if (data == null || !data.hasNonNull("bucket") || !data.hasNonNull("name")) {
            throw new WatchmenException(ErrorCode.TRIGGER_MALFORMED, "The storage event data has no bucket or name.");
        }
        return new GcsObjectData(data.get("bucket").asText(), data.get("name").asText(),
                data.hasNonNull("generation") ? Long.valueOf(data.get("generation").asText()) : null,
                data.path("size").asLong(0));
    }

    /** Reads the generation the event announced, so a later overwrite is never read in its place. */
    static byte[] read(Storage storage, GcsObjectData data) {
        try {
            return storage.readAllBytes(BlobId.of(data.bucket(), data.name(), data.generation()));
        } catch (StorageException e) {
            if (e.getCode() == 404) {
                throw new ObjectMissingException("gs://" + data.bucket() + "/" + data.name() + " (generation "
                        + data.generation() + ") no longer exists", e);
            }
            throw e;
        }
    }
}
