package io.watchmen.aliyun;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** Puts objects into S3Mock through the OSS SDK (S3Mock accepts OSS requests; path style on 127.0.0.1). */
final class OssTestStore {

    static final String BUCKET = "ingest";

    private OssTestStore() {
    }

    static S3MockExtension extension() {
        return S3MockExtension.builder().silent().withSecureConnection(false).withInitialBuckets(BUCKET).build();
    }

    static String endpoint(S3MockExtension s3Mock) {
        return "http://127.0.0.1:" + s3Mock.getHttpPort();
    }

    static void put(S3MockExtension s3Mock, String key, String text) {
        OSS oss = OSSClientBuilder.create().endpoint(endpoint(s3Mock))
                .credentialsProvider(new DefaultCredentialProvider("test", "test")).build();
        try {
            oss.putObject(BUCKET, key, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } finally {
            oss.shutdown();
        }
    }
}
