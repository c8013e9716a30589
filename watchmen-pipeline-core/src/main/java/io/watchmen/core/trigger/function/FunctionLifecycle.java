package io.watchmen.core.trigger.function;

/**
 * Lifecycle hooks of a handler that is not a {@link io.watchmen.core.trigger.CoreRuntime} (a test fake, or a
 * custom wiring). {@link FunctionRuntime} forwards its lifecycle calls to either.
 */
public interface FunctionLifecycle {

    default void prime() {
    }

    /** After a build on the init thread ({@link FunctionRuntime#startBuilding()}). */
    default void warmUp() {
    }

    default void suspend() {
    }

    default void resume() {
    }

    default void close() {
    }
}
