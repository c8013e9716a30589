package io.watchmen.core.model.system;

import java.time.LocalDateTime;
import java.util.Map;

/** A row of {@code key_stores}: for {@code AES256-PKCS5-PADDING}, params hold {@code key} and {@code iv}. */
public record KeyStore(String tenantId, String keyType, Map<String, Object> params, LocalDateTime createdAt,
                       String createdBy) {
    public KeyStore {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    @Override
    public String toString() {
        return "KeyStore[tenantId=" + tenantId + ", keyType=" + keyType + ", params=<masked>]";
    }
}
