package io.watchmen.core.config;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Watchmen reads its settings from the environment or from a {@code .env} file in the working directory, the
 * environment winning. This reads that file: {@code NAME=value} lines, {@code #} comments, optional
 * {@code export }, values optionally in single or double quotes.
 */
final class EnvFile {

    private EnvFile() {
    }

    /** The file's variables overlaid by the environment's. A missing file means the environment alone. */
    static Map<String, String> overlay(Path file, Map<String, String> environment) {
        if (!Files.isRegularFile(file)) {
            return environment;
        }
        Map<String, String> merged = new HashMap<>(read(file));
        merged.putAll(environment);
        return merged;
    }

    static Map<String, String> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WatchmenException(ErrorCode.CONFIG_INVALID, "Cannot read the settings file " + file + ".", e);
        }
        Map<String, String> values = new HashMap<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals <= 0) {
                continue; // not an assignment: ignored, as python-dotenv does
            }
            String name = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                    || value.startsWith("'") && value.endsWith("'"))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int comment = value.indexOf(" #");
                if (comment >= 0) {
                    value = value.substring(0, comment).strip();
                }
            }
            values.put(name, value);
        }
        return values;
    }
}
