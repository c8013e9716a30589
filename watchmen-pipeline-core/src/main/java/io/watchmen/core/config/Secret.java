package io.watchmen.core.config;

/** A secret setting value: {@link #toString()} never reveals it. */
public final class Secret {

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The plain value, for the one place that needs it (a driver, a cipher). */
    public String reveal() {
        return value;
    }

    public boolean isBlank() {
        return value == null || value.isBlank();
    }

    @Override
    public String toString() {
        return "<masked>";
    }
}
