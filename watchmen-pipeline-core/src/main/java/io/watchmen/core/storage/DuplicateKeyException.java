package io.watchmen.core.storage;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;

/** An insert hit a unique index (typically a concurrent writer inserted the same business key). */
public class DuplicateKeyException extends WatchmenException {
    public DuplicateKeyException(String message, Throwable cause) {
        super(ErrorCode.STORAGE_FAILED, message, cause);
    }
}
