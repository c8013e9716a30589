package io.watchmen.core.auth;

import io.watchmen.core.model.system.UserRole;

/** Who runs a trigger: built from the {@code users} row of the PAT's user. */
public record Principal(String userId, String userName, String tenantId, UserRole role) {

    public boolean isSuperAdmin() {
        return role == UserRole.SUPER_ADMIN;
    }

    /** The synthetic tenant admin a super admin becomes when it names a tenant (same user id and name). */
    public Principal asAdminOf(String otherTenantId) {
        return new Principal(userId, userName, otherTenantId, UserRole.ADMIN);
    }
}
