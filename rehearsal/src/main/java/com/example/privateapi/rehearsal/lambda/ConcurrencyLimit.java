package com.example.privateapi.rehearsal.lambda;

/**
 * How many invocations may be in flight at once, as Lambda counts concurrency: an account's unreserved pool, shared
 * by its functions, or a function's reserved concurrency, its own. An invocation beyond it is throttled with the
 * reason Lambda gives ("TooManyRequestsException", Lambda API Reference: Reason
 * {@code ConcurrentInvocationLimitExceeded} or {@code ReservedFunctionConcurrentInvocationLimitExceeded}).
 */
final class ConcurrencyLimit {

    /** The invocation would exceed the limit. */
    static final class Exceeded extends Exception {
        private final String reason;

        Exceeded(String reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }

        /** Lambda's {@code Reason} for the throttle. */
        String reason() {
            return reason;
        }
    }

    static final String ACCOUNT_REASON = "ConcurrentInvocationLimitExceeded";
    static final String RESERVED_REASON = "ReservedFunctionConcurrentInvocationLimitExceeded";

    private final int limit;
    private final String reason;
    private final String owner;
    private int inFlight;

    private ConcurrencyLimit(int limit, String reason, String owner) {
        this.limit = limit;
        this.reason = reason;
        this.owner = owner;
    }

    /** The unreserved concurrency of an account, shared by its functions that reserve none. */
    static ConcurrencyLimit account(String accountId, int limit) {
        return new ConcurrencyLimit(limit, ACCOUNT_REASON, "account " + accountId);
    }

    /** A function's reserved concurrency: its own, none of the account's (0 throttles every invocation). */
    static ConcurrencyLimit reserved(String functionName, int limit) {
        return new ConcurrencyLimit(limit, RESERVED_REASON, "function " + functionName + "'s reserved concurrency");
    }

    synchronized void acquire() throws Exceeded {
        if (inFlight >= limit) {
            throw new Exceeded(reason, "Rate Exceeded: " + owner + " allows " + limit + " invocation"
                    + (limit == 1 ? "" : "s") + " at once, and " + inFlight + " " + (inFlight == 1 ? "is" : "are")
                    + " running");
        }
        inFlight++;
    }

    synchronized void release() {
        inFlight--;
    }
}
