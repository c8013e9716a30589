package io.watchmen.core.model.system;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A row of {@code pats}. The token itself is deliberately not part of this record, so that it can never be
 * printed by a {@code toString()} or serialised into a log.
 */
public record PersonalAccessToken(String patId, String userId, String username, String tenantId, String note,
                                  LocalDateTime expired, List<String> permissions, LocalDateTime createdAt) {
    public PersonalAccessToken {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
