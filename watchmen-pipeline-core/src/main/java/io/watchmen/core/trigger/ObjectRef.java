package io.watchmen.core.trigger;

/**
 * Where a storage object came from. {@code version} is the provider's best version token (S3 versionId, else
 * sequencer or eTag; Azure ETag; OSS eTag; GCS generation), or null when the provider gives none; the delivery
 * identity then falls back to a hash of the content.
 */
public record ObjectRef(String provider, String bucket, String key, String version, long size) {

    /** A display form for logs and errors: {@code provider://bucket/key}. */
    public String display() {
        return provider + "://" + bucket + "/" + key;
    }
}
