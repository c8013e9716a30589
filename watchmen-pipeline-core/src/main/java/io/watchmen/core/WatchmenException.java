package io.watchmen.core;

/**
 * The root of every failure this library raises. Messages are for the operator: they say what failed and where,
 * and never contain a PAT, a password or row values beyond what the reference puts into its messages.
 */
public class WatchmenException extends RuntimeException {

    private final ErrorCode code;

    public WatchmenException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public WatchmenException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
