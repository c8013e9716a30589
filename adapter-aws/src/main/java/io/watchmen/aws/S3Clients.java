package io.watchmen.aws;

import io.watchmen.core.trigger.function.ObjectMissingException;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Builds the one S3 client of an instance and reads objects with it. */
final class S3Clients {

    /** Overrides the S3 endpoint (an S3-compatible store, tests); path-style addressing is then used. */
    static final String ENDPOINT_VARIABLE = "WATCHMEN_S3_ENDPOINT";
    static final String DEFAULT_REGION = "us-east-1";

    private S3Clients() {
    }

    /**
     * Region from {@code AWS_REGION} (Lambda sets it), the URL-connection HTTP client, and the default credential
     * chain: with SnapStart the runtime supplies container credentials, not the {@code AWS_ACCESS_KEY_ID} variables.
     * Builds without any network call.
     */
    static S3Client fromEnvironment(Map<String, String> env) {
        return create(env, DefaultCredentialsProvider.builder().build());
    }

    static S3Client create(Map<String, String> env, AwsCredentialsProvider credentials) {
        String region = env.getOrDefault("AWS_REGION", DEFAULT_REGION);
        var builder = S3Client.builder()
                .region(Region.of(region))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .credentialsProvider(credentials);
        String endpoint = env.get(ENDPOINT_VARIABLE);
        if (endpoint != null && !endpoint.isBlank()) {
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        return builder.build();
    }

    /** Reads exactly the version the event named when it named one. */
    static byte[] read(S3Client s3, String bucket, String key, String versionId) {
        try {
            return s3.getObjectAsBytes(request -> request.bucket(bucket).key(key).versionId(versionId))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new ObjectMissingException("s3://" + bucket + "/" + key + " no longer exists", e);
        } catch (SdkServiceException e) {
            if (e.statusCode() == 404) {
                throw new ObjectMissingException("s3://" + bucket + "/" + key + " (version " + versionId
                        + ") no longer exists", e);
            }
            throw e;
        }
    }
}
