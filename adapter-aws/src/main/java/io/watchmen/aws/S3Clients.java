package io.watchmen.aws;

import io.watchmen.core.trigger.function.ObjectMissingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
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
        String endpoint = env.get(ENDPOINT_VARIABLE);
        URI override = endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint);
        var builder = S3Client.builder()
                .region(Region.of(region))
                .httpClient(httpClient(override))
                .credentialsProvider(credentials);
        if (override != null) {
            builder.endpointOverride(override).forcePathStyle(true);
        }
        return builder.build();
    }

    /**
     * The SDK's URL-connection client. Built by its builder it sets up a TLS context at once (~300 classes of the TLS
     * stack, and every certificate of the trust store parsed); a plain-http endpoint (an S3-compatible store, tests)
     * never uses it, so there the client opens plain JDK connections with the SDK's default timeouts.
     */
    static SdkHttpClient httpClient(URI endpoint) {
        if (endpoint == null || !"http".equalsIgnoreCase(endpoint.getScheme())) {
            return UrlConnectionHttpClient.builder().build();
        }
        int connectMillis = (int) SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS
                .get(SdkHttpConfigurationOption.CONNECTION_TIMEOUT).toMillis();
        int readMillis = (int) SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS
                .get(SdkHttpConfigurationOption.READ_TIMEOUT).toMillis();
        return UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                connection.setConnectTimeout(connectMillis);
                connection.setReadTimeout(readMillis);
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Runs one read through a throwaway client of the same region whose HTTP client answers with a canned object, so
     * no network is touched: before a SnapStart snapshot this loads and initializes what a read needs (request
     * pipeline, signing, response handling), which a restored instance then skips on its first object. Returns the
     * canned bytes read.
     */
    static byte[] warmUp(Region region) {
        byte[] canned = "{}".getBytes(StandardCharsets.UTF_8);
        AwsBasicCredentials credentials = AwsBasicCredentials.create("warm-up", "warm-up");
        try (S3Client s3 = S3Client.builder()
                .region(region)
                .httpClient(CannedResponseHttpClient.builder().statusCode(200).responseBody(canned).build())
                .credentialsProvider(StaticCredentialsProvider.create(credentials))
                .endpointOverride(URI.create("http://localhost"))
                .forcePathStyle(true)
                .build()) {
            return read(s3, "warm-up", "warm-up.json", null);
        }
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
