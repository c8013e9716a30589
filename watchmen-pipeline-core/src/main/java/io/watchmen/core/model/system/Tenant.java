package io.watchmen.core.model.system;

import java.time.LocalDateTime;

/** A tenant: the unit of data isolation. */
public record Tenant(String tenantId, String name, Boolean enableAI, LocalDateTime createdAt, String createdBy,
                     LocalDateTime lastModifiedAt, String lastModifiedBy, Long version) {
}
