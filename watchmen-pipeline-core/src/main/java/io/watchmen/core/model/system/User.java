package io.watchmen.core.model.system;

import java.time.LocalDateTime;
import java.util.List;

/** A user; the password hash is never loaded by the pipeline runtime. */
public record User(String userId, String name, String nickName, Boolean isActive, List<String> groupIds,
                   UserRole role, String tenantId, String email, LocalDateTime createdAt, String createdBy,
                   LocalDateTime lastModifiedAt, String lastModifiedBy, Long version) {
    public User {
        groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }
}
