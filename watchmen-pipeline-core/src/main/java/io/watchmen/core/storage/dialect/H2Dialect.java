package io.watchmen.core.storage.dialect;

/** The h2 dialect. */
public final class H2Dialect implements SqlDialect {

    public static final H2Dialect INSTANCE = new H2Dialect();

    private H2Dialect() {
    }

    @Override
    public String name() {
        return "h2";
    }

    @Override
    public String quote(String identifier) {
        return "\"" + identifier + "\"";
    }
}
