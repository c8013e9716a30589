package io.watchmen.azure;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobProperties;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The ETag of the blob the trigger delivered, used as its version token. The binding gives bytes but no ETag, so
 * the ETag is read afterwards; the blob may have been overwritten in between, and recording old bytes under the
 * new ETag would make the core skip the newer write. The ETag is therefore used only when the blob's Content-MD5
 * matches the delivered bytes; otherwise the version stays empty and the core identifies the delivery by a hash of
 * the content.
 */
public final class BlobETags {

    private static final Logger LOG = Logger.getLogger(BlobETags.class.getName());

    private final Supplier<BlobServiceClient> client;
    private final Object lock = new Object();
    private volatile BlobServiceClient built;

    private BlobETags(Supplier<BlobServiceClient> client) {
        this.client = client;
    }

    /** No lookups: every delivery is identified by its content hash. */
    public static BlobETags disabled() {
        return new BlobETags(null);
    }

    /** Looks ETags up through the given connection string (a storage account key or SAS connection string). */
    public static BlobETags forConnectionString(String connectionString) {
        return new BlobETags(() -> new BlobServiceClientBuilder().connectionString(connectionString).buildClient());
    }

    /** From the trigger's connection setting, when it holds a connection string; disabled otherwise. */
    static BlobETags fromEnvironment(Map<String, String> env) {
        String connection = env.get(BlobTriggerFunction.CONNECTION_SETTING);
        if (connection == null || !connection.contains("AccountName=") && !connection.contains("BlobEndpoint=")
                && !connection.contains("UseDevelopmentStorage=")) {
            return disabled();
        }
        return forConnectionString(connection);
    }

    /** The blob's ETag (without quotes) when its stored Content-MD5 proves it is the delivered content. */
    public Optional<String> verifiedETag(String container, String name, byte[] content) {
        if (client == null) {
            return Optional.empty();
        }
        try {
            BlobProperties properties = service().getBlobContainerClient(container).getBlobClient(name)
                    .getProperties();
            byte[] storedMd5 = properties.getContentMd5();
            if (storedMd5 == null || !Arrays.equals(storedMd5, md5(content))) {
                return Optional.empty();
            }
            return Optional.ofNullable(unquote(properties.getETag()));
        } catch (RuntimeException e) {
            // Without an ETag the content hash still identifies the delivery; nothing is lost.
            LOG.log(Level.WARNING, "ETag lookup failed for " + container + "/" + name + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private BlobServiceClient service() {
        BlobServiceClient current = built;
        if (current == null) {
            synchronized (lock) {
                current = built;
                if (current == null) {
                    current = client.get();
                    built = current;
                }
            }
        }
        return current;
    }

    private static byte[] md5(byte[] content) {
        try {
            return MessageDigest.getInstance("MD5").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }

    private static String unquote(String etag) {
        if (etag != null && etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"")) {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }
}
