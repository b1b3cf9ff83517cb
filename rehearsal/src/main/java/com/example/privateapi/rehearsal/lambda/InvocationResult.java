package com.example.privateapi.rehearsal.lambda;

import java.time.Duration;

/**
 * What an invocation returned, as Lambda's Invoke API reports it.
 *
 * @param payload         the function's answer, or the error document ({@code errorMessage}, {@code errorType})
 * @param functionError   null on success, {@code Unhandled} when the function failed
 * @param logTail         the function's last log lines, for diagnosing a failure
 * @param initDuration    for an on-demand cold start, the time from starting the environment until the runtime,
 *                        its handler loaded and constructed, asked for the event (Lambda's "Init Duration"); null
 *                        otherwise
 * @param restoreDuration for a SnapStart cold start, the time from resuming the snapshot until the runtime, its
 *                        afterRestore hooks run, asked for the event (Lambda's "Restore Duration", less the loading
 *                        of the snapshot, which has no counterpart here); null otherwise
 * @param throttleReason  Lambda's reason when it throttled the invocation ({@code ConcurrentInvocationLimitExceeded},
 *                        ...); null when the function ran
 */
public record InvocationResult(String payload, String functionError, String logTail, Duration initDuration,
                               Duration restoreDuration, String throttleReason) {

    public InvocationResult(String payload, String functionError, String logTail) {
        this(payload, functionError, logTail, null, null, null);
    }

    InvocationResult withLogTail(String tail) {
        return new InvocationResult(payload, functionError, tail, initDuration, restoreDuration, throttleReason);
    }

    InvocationResult withInitDuration(Duration init) {
        return new InvocationResult(payload, functionError, logTail, init, restoreDuration, throttleReason);
    }

    InvocationResult withRestoreDuration(Duration restore) {
        return new InvocationResult(payload, functionError, logTail, initDuration, restore, throttleReason);
    }

    private static final String THROTTLED = "TooManyRequestsException";

    /**
     * Lambda refused to run the function: no execution environment was free and the function's concurrency allows
     * no more. The Invoke API answers 429 with {@code {"Reason": ..., "Type": "User", "message": "Rate Exceeded."}}
     * (Lambda API Reference, Invoke, "Errors": TooManyRequestsException).
     */
    static InvocationResult throttled(String reason, String detail) {
        com.google.gson.JsonObject error = new com.google.gson.JsonObject();
        error.addProperty("errorType", THROTTLED);
        error.addProperty("errorMessage", "Rate Exceeded.");
        error.addProperty("Reason", reason);
        error.addProperty("Type", "User");
        error.addProperty("message", "Rate Exceeded.");
        error.addProperty("detail", detail);
        return new InvocationResult(error.toString(), "Unhandled", "", null, null, reason);
    }

    /** A Lambda service error, as the Invoke API reports one: no function ran. */
    static InvocationResult serviceError(String type, String message, String logTail) {
        com.google.gson.JsonObject error = new com.google.gson.JsonObject();
        error.addProperty("errorMessage", message);
        error.addProperty("errorType", type);
        return new InvocationResult(error.toString(), "Unhandled", logTail);
    }
}
