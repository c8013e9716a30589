package io.watchmen.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Expands {@code run}'s arguments: a file is taken as is, a folder gives its *.json and *.ndjson files by name. */
final class ObjectFiles {

    private ObjectFiles() {
    }

    static List<Path> expand(CommandSpec spec, List<Path> paths) {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    children.filter(Files::isRegularFile).filter(ObjectFiles::isObjectFile)
                            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new CommandLine.ParameterException(spec.commandLine(),
                            "Cannot list folder " + path + ": " + e.getMessage());
                }
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "No such file or folder: " + path);
            }
        }
        return files;
    }

    private static boolean isObjectFile(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".ndjson");
    }
}
