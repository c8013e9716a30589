package io.watchmen.cli;

import io.watchmen.core.config.Settings;
import java.util.HashMap;
import java.util.Map;

/**
 * Settings for a command: the database given on the command line, everything else from the environment exactly
 * as a deployed function reads it (docs/configuration.md). Equivalent to {@link Settings#forJdbcUrl} with the
 * environment's other variables kept.
 */
final class CliSettings {

    private CliSettings() {
    }

    static Settings build(Map<String, String> environment, String jdbcUrl, String user, String password) {
        Map<String, String> env = new HashMap<>(environment);
        env.put(Settings.PREFIX + "META_JDBC_URL", jdbcUrl);
        if (user != null) {
            env.put("META_STORAGE_USER_NAME", user);
        }
        if (password != null) {
            env.put("META_STORAGE_PASSWORD", password);
        } else if (!env.containsKey("META_STORAGE_PASSWORD") && jdbcUrl.startsWith("jdbc:h2:")) {
            // H2's built-in user has an empty password; Watchmen's default "watchmen" would be refused
            env.put("META_STORAGE_PASSWORD", "");
        }
        if (user == null && !env.containsKey("META_STORAGE_USER_NAME") && jdbcUrl.startsWith("jdbc:h2:")) {
            env.put("META_STORAGE_USER_NAME", "sa");
        }
        return Settings.fromEnvironment(env);
    }

    static Settings build(Map<String, String> environment, DatabaseOptions database) {
        return build(environment, database.url, database.user, database.password);
    }
}
