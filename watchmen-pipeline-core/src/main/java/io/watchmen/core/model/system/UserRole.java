package io.watchmen.core.model.system;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** User roles; pipelines may be triggered by admin and super admin. */
public enum UserRole {
    CONSOLE("console"),
    ADMIN("admin"),
    SUPER_ADMIN("superadmin");

    private final String json;

    UserRole(String json) {
        this.json = json;
    }

    @JsonValue
    public String json() {
        return json;
    }

    @JsonCreator
    public static UserRole of(String value) {
        for (UserRole candidate : values()) {
            if (candidate.json.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("UserRole[" + value + "] cannot be recognized.");
    }
}
