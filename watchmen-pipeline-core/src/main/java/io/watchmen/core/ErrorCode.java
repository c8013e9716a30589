package io.watchmen.core;

/**
 * Stable codes for every failure. Monitor logs, failure records and exit codes record these names: never rename
 * a constant. {@link #retryable()} says whether running the same item again can help.
 */
public enum ErrorCode {
    /** The storage object or one of its items is not valid trigger data. */
    TRIGGER_MALFORMED(false),
    /** The storage object exceeds the size limit. */
    OBJECT_TOO_LARGE(false),
    /** The PAT is blank, unknown, expired, or its user is missing or inactive (401). */
    PAT_UNAUTHORIZED(false),
    /** The PAT's user has a role that may not trigger pipelines (403). */
    PAT_FORBIDDEN(false),
    /** The tenant named by the trigger is missing, unknown or not the principal's. */
    TENANT_INVALID(false),
    /** No topic of that name in the tenant. */
    TOPIC_NOT_FOUND(false),
    /** A topic, pipeline or data source definition cannot be used (bad reference, arity, name). */
    DEFINITION_INVALID(false),
    /** A table or column name built from metadata does not fit the identifier rules. */
    IDENTIFIER_INVALID(false),
    /** A value does not fit its factor type, or trigger data misses what its trigger type needs. */
    DATA_INVALID(false),
    /** A row that must exist was not found. */
    DATA_NOT_FOUND(false),
    /** An optimistic-lock conflict outlasted its retries. */
    VERSION_CONFLICT(true),
    /** A database call failed (connection, deadlock, timeout...). */
    STORAGE_FAILED(true),
    /** Settings are missing or malformed. */
    CONFIG_INVALID(false),
    /** No snowflake worker id could be claimed or the lease was lost. */
    WORKER_ID_UNAVAILABLE(true),
    /** An external writer failed. */
    EXTERNAL_WRITE_FAILED(true),
    /** Cascading pipelines exceeded the depth limit (a loop). */
    CASCADE_LIMIT_EXCEEDED(false),
    /** A pipeline step failed; details are in the monitor log. */
    PIPELINE_FAILED(false),
    /**
     * An earlier attempt of the item committed in some of its data sources and not in others (the process died
     * between their commits): running it again would write twice, so it is dead-lettered for the operator.
     */
    DELIVERY_IN_DOUBT(false),
    /** Anything not classified above. */
    INTERNAL(true);

    private final boolean retryable;

    ErrorCode(boolean retryable) {
        this.retryable = retryable;
    }

    /** Whether a retry of the same item may succeed (transient failure). Permanent failures dead-letter at once. */
    public boolean retryable() {
        return retryable;
    }
}
