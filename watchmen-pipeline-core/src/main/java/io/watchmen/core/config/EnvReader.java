package io.watchmen.core.config;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed values from an environment map, collecting every malformed variable so that one error names them
 * all. Booleans accept true/false/1/0/yes/no/on/off as the reference does.
 */
final class EnvReader {

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    EnvReader(Map<String, String> env) {
        this.env = env;
    }

    String string(String name, String defaultValue) {
        String value = env.get(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    Secret secret(String name, String defaultValue) {
        String value = env.get(name);
        return Secret.of(value == null ? defaultValue : value);
    }

    boolean bool(String name, boolean defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on", "y", "t":
                return true;
            case "false", "0", "no", "off", "n", "f":
                return false;
            default:
                problems.add(name + "=" + value + " is not a boolean");
                return defaultValue;
        }
    }

    int integer(String name, int defaultValue, int min, int max) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                problems.add(name + "=" + value + " is outside [" + min + ", " + max + "]");
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + "=" + value + " is not an integer");
            return defaultValue;
        }
    }

    long longValue(String name, long defaultValue, long min) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < min) {
                problems.add(name + "=" + value + " is below " + min);
                return defaultValue;
            }
            return parsed;
        } catch (NumberFormatException e) {
            problems.add(name + "=" + value + " is not an integer");
            return defaultValue;
        }
    }

    /** A duration given as a number in the variable's unit (the reference's convention: seconds or millis). */
    Duration duration(String name, Duration defaultValue, java.time.temporal.ChronoUnit unit) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed < 0) {
                problems.add(name + "=" + value + " is negative");
                return defaultValue;
            }
            return Duration.of(parsed, unit);
        } catch (NumberFormatException e) {
            problems.add(name + "=" + value + " is not a whole number of " + unit.toString().toLowerCase(Locale.ROOT));
            return defaultValue;
        }
    }

    /** A JSON array of strings, e.g. {@code ["%Y-%m-%d"]}; absent means the default. */
    List<String> stringList(String name, List<String> defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            String[] parsed = io.watchmen.core.json.WatchmenJson.mapper().readValue(value, String[].class);
            return List.of(parsed);
        } catch (Exception e) {
            problems.add(name + " is not a JSON array of strings");
            return defaultValue;
        }
    }

    /** Records a problem that no typed read can see (an unsupported combination of settings). */
    void problem(String text) {
        problems.add(text);
    }

    void failOnProblems() {
        if (!problems.isEmpty()) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "Invalid settings: " + String.join("; ", problems)
                    + ". See docs/configuration.md.");
        }
    }
}
