package io.watchmen.core.trigger;

/** What happened to one trigger item. */
public enum ItemStatus {
    /** Saved and its pipelines ran (pipeline failures are in the monitor log and in {@link ItemOutcome#pipelines()}). */
    DONE,
    /** Already done by an earlier delivery: nothing changed. */
    SKIPPED,
    /** Failed; rolled back. */
    ERROR;

    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
