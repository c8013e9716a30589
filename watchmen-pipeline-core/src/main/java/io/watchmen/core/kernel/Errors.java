package io.watchmen.core.kernel;

import io.watchmen.core.WatchmenException;

/** The error text of a failed step: exception kind and message, ending with the message (spec 2.10). */
final class Errors {

    private Errors() {
    }

    static String text(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        if (failure instanceof WatchmenException watchmen) {
            text.append('[').append(watchmen.code()).append(']');
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            text.insert(0, "caused by " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + "\n");
        }
        return text.append(": ").append(failure.getMessage()).toString();
    }
}
