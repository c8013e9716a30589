package io.watchmen.cli;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/**
 * Exit codes: 0 success, 1 a storage object or an operation failed, 2 usage or configuration error. A failure
 * that escapes a command is printed as one line naming its error code (the stack trace only with
 * {@code --verbose}); messages never carry a PAT or a password.
 */
final class ExitCodes implements IExitCodeExceptionMapper, IExecutionExceptionHandler {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private final WatchmenCommand root;

    ExitCodes(WatchmenCommand root) {
        this.root = root;
    }

    @Override
    public int getExitCode(Throwable exception) {
        if (exception instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (exception instanceof WatchmenException watchmen && watchmen.code() == ErrorCode.CONFIG_INVALID) {
            return USAGE;
        }
        return FAILED;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine command, ParseResult parseResult) {
        PrintWriter err = command.getErr();
        if (exception instanceof WatchmenException watchmen) {
            err.println("watchmen: " + watchmen.code() + ": " + watchmen.getMessage());
        } else {
            err.println("watchmen: " + exception.getClass().getSimpleName() + ": " + exception.getMessage());
        }
        if (root.verbose()) {
            exception.printStackTrace(err);
        }
        err.flush();
        return getExitCode(exception);
    }
}
