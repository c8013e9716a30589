package io.watchmen.aliyun;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.common.auth.Credentials;
import com.aliyun.oss.common.auth.CredentialsProvider;
import com.aliyun.oss.common.auth.DefaultCredentials;
import com.aliyun.oss.common.comm.SignVersion;
import com.aliyun.oss.model.OSSObject;
import io.watchmen.core.trigger.function.ObjectMissingException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads objects with the OSS SDK: one client per endpoint for the life of the instance, signing with the
 * credentials of the latest invocation (the function role's STS token, which FC rotates).
 */
final class OssObjects implements AutoCloseable {

    /** Overrides the endpoint (default: the region's internal endpoint, no internet traffic). */
    static final String ENDPOINT_VARIABLE = "WATCHMEN_OSS_ENDPOINT";

    private final String endpointOverride;
    private final Map<String, OSS> clients = new ConcurrentHashMap<>();
    private final RotatingCredentials credentials = new RotatingCredentials();

    OssObjects(String endpointOverride) {
        this.endpointOverride = endpointOverride == null || endpointOverride.isBlank() ? null : endpointOverride;
    }

    static OssObjects fromEnvironment(Map<String, String> env) {
        return new OssObjects(env.get(ENDPOINT_VARIABLE));
    }

    void useCredentials(String accessKeyId, String accessKeySecret, String securityToken) {
        if (accessKeyId != null && !accessKeyId.isBlank()) {
            credentials.setCredentials(new DefaultCredentials(accessKeyId, accessKeySecret, securityToken));
        }
    }

    String endpoint(String region) {
        return endpointOverride != null ? endpointOverride : "https://oss-" + region + "-internal.aliyuncs.com";
    }

    byte[] read(String region, String bucket, String key) throws IOException {
        OSS oss = clients.computeIfAbsent(region + " " + endpoint(region), ignored -> build(region));
        try (OSSObject object = oss.getObject(bucket, key); InputStream in = object.getObjectContent()) {
            return in.readAllBytes();
        } catch (OSSException e) {
            if ("NoSuchKey".equals(e.getErrorCode()) || "NoSuchBucket".equals(e.getErrorCode())) {
                throw new ObjectMissingException("oss://" + bucket + "/" + key + " no longer exists", e);
            }
            throw e;
        }
    }

    private OSS build(String region) {
        ClientBuilderConfiguration configuration = new ClientBuilderConfiguration();
        configuration.setSignatureVersion(SignVersion.V4);
        return OSSClientBuilder.create().endpoint(endpoint(region)).region(region)
                .credentialsProvider(credentials).clientConfiguration(configuration).build();
    }

    @Override
    public void close() {
        clients.values().forEach(OSS::shutdown);
        clients.clear();
    }

    /** A provider whose credentials each invocation replaces. */
    private static final class RotatingCredentials implements CredentialsProvider {
        private volatile Credentials current;

        @Override
        public void setCredentials(Credentials credentials) {
            current = credentials;
        }

        @Override
        public Credentials getCredentials() {
            Credentials credentials = current;
            if (credentials == null) {
                throw new IllegalStateException("No OSS credentials: give the function a role (FC passes its STS "
                        + "token per invocation) or set ALIBABA_CLOUD_ACCESS_KEY_ID / _SECRET");
            }
            return credentials;
        }
    }
}
