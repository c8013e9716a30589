package io.watchmen.cli;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import io.watchmen.core.trigger.ItemOutcome;
import io.watchmen.core.trigger.ItemStatus;
import io.watchmen.core.trigger.ObjectOutcome;
import io.watchmen.core.trigger.ObjectRef;
import io.watchmen.core.trigger.StorageObject;
import io.watchmen.core.trigger.StorageObjectHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Hands local files to the core as a cloud function hands it bucket objects: provider {@code local}, the folder
 * as bucket, the file name as key, no version (a redelivered file is recognised by its content), and prints one
 * line per item. One object's failure never stops the others.
 */
final class ObjectRunner {

    private final StorageObjectHandler handler;
    private final PrintWriter out;
    private final ProgressBar progress;
    private boolean failed;

    ObjectRunner(StorageObjectHandler handler, PrintWriter out, ProgressBar progress) {
        this.handler = handler;
        this.out = out;
        this.progress = progress;
    }

    /** Runs every file; true when every item is done or skipped. */
    boolean runAll(List<Path> files) {
        for (Path file : files) {
            run(file);
            progress.step();
        }
        return !failed;
    }

    private void run(Path file) {
        String name = file.toString();
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            print(ItemLines.failure(name, ErrorCode.TRIGGER_MALFORMED, "Cannot read the file: " + e.getMessage()));
            failed = true;
            return;
        }
        Path folder = file.toAbsolutePath().normalize().getParent();
        ObjectRef ref = new ObjectRef("local", folder == null ? "" : folder.toString(),
                file.getFileName().toString(), null, content.length);
        try {
            ObjectOutcome outcome = handler.handle(new StorageObject(ref, content));
            for (ItemOutcome item : outcome.items()) {
                print(ItemLines.of(name, item));
                failed |= item.status() == ItemStatus.ERROR;
            }
            if (outcome.items().isEmpty()) {
                print(ItemLines.failure(name, ErrorCode.TRIGGER_MALFORMED, "The object holds no trigger item."));
                failed = true;
            }
        } catch (WatchmenException e) {
            print(ItemLines.failure(name, e.code(), e.getMessage()));
            failed = true;
        } catch (RuntimeException e) {
            print(ItemLines.failure(name, ErrorCode.INTERNAL, e.getClass().getSimpleName() + ": " + e.getMessage()));
            failed = true;
        }
    }

    private void print(String line) {
        progress.clear();
        out.println(line);
        out.flush();
    }
}
