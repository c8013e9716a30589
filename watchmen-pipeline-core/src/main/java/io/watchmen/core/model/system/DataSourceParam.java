package io.watchmen.core.model.system;

/** One entry of {@code data_sources.params}: the value is a string or a boolean. */
public record DataSourceParam(String name, Object value) {
}
