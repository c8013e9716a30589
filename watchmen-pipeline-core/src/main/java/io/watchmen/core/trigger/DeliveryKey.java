package io.watchmen.core.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity of one item of one stored object version: {@code value} is the SHA-256 (hex) of provider, bucket,
 * key, version (or, when the provider gives no version, the SHA-256 of the content) and the item index. Two
 * deliveries of the same object version get the same keys; a rewrite of the object gets new ones.
 */
public record DeliveryKey(String value, ObjectRef ref, String contentSha256, int itemIndex) {

    public static DeliveryKey of(ObjectRef ref, String contentSha256, int itemIndex) {
        if (ref.version() == null && contentSha256 == null) {
            throw new IllegalArgumentException("Without a version the content hash identifies the object");
        }
        StringBuilder identity = new StringBuilder();
        // Length-prefixed fields: no separator character can make two identities collide.
        field(identity, ref.provider());
        field(identity, ref.bucket());
        field(identity, ref.key());
        field(identity, ref.version() == null ? "sha256:" + contentSha256 : "version:" + ref.version());
        field(identity, Integer.toString(itemIndex));
        return new DeliveryKey(sha256(identity.toString().getBytes(StandardCharsets.UTF_8)), ref,
                ref.version() == null ? contentSha256 : null, itemIndex);
    }

    /** The delivery keys of an object's items share this content hash (null when the object has a version). */
    public static String contentHashFor(StorageObject object) {
        return object.ref().version() == null ? sha256(object.content()) : null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void field(StringBuilder identity, String value) {
        String text = value == null ? "" : value;
        identity.append(value == null ? -1 : text.length()).append(':').append(text).append(';');
    }
}
