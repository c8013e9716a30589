package io.watchmen.core.model.system;

import java.time.LocalDateTime;

/** A row of {@code external_writers}; {@link #toString()} masks the target system's PAT. */
public record ExternalWriter(String writerId, String writerCode, String name, ExternalWriterType type, String pat,
                             String url, String tenantId, LocalDateTime createdAt, String createdBy,
                             LocalDateTime lastModifiedAt, String lastModifiedBy, Long version) {
    @Override
    public String toString() {
        return "ExternalWriter[writerId=" + writerId + ", writerCode=" + writerCode + ", type=" + type + ", url="
                + url + ", tenantId=" + tenantId + ", pat=<masked>]";
    }
}
