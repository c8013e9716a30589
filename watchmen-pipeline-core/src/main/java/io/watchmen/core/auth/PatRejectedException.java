package io.watchmen.core.auth;

import io.watchmen.core.ErrorCode;
import io.watchmen.core.WatchmenException;

/**
 * A PAT was not accepted: {@link ErrorCode#PAT_UNAUTHORIZED} ("Unauthorized.", the reference's 401) or
 * {@link ErrorCode#PAT_FORBIDDEN} ("Forbidden", 403). The message never carries the token, and no cause is
 * attached, so that no driver message can carry it either.
 */
public final class PatRejectedException extends WatchmenException {

    public static final String UNAUTHORIZED = "Unauthorized.";
    public static final String FORBIDDEN = "Forbidden";

    private PatRejectedException(ErrorCode code, String message) {
        super(code, message);
    }

    public static PatRejectedException unauthorized() {
        return new PatRejectedException(ErrorCode.PAT_UNAUTHORIZED, UNAUTHORIZED);
    }

    public static PatRejectedException forbidden() {
        return new PatRejectedException(ErrorCode.PAT_FORBIDDEN, FORBIDDEN);
    }
}
