package com.example.privateapi.backend;

/**
 * The request store could not do what was asked. The message is the store's own detail, for the function log
 * only: it names SDK and service internals a caller must never see.
 */
public final class RequestStoreException extends RuntimeException {

    /** What went wrong, as the caller's answer depends on it. */
    public enum Kind {
        /** Unreachable, timed out, throttled or failing on its side: worth trying again later (503). */
        UNAVAILABLE,
        /** The store refused the request as invalid, e.g. a key it cannot hold (400 for a read). */
        REJECTED,
        /** The table is missing or the function may not use it: the deployment's fault (500). */
        MISCONFIGURED
    }

    private final Kind kind;

    public RequestStoreException(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
