package io.watchmen.core.trigger.function;

/** The object an event announced is gone (deleted, or its version replaced): redelivery cannot help. */
public class ObjectMissingException extends RuntimeException {

    public ObjectMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
