package com.example.privateapi.rehearsal.lambda;

/**
 * What an invocation returned, as Lambda's Invoke API reports it.
 *
 * @param payload       the function's answer, or the error document ({@code errorMessage}, {@code errorType})
 * @param functionError null on success, {@code Unhandled} when the function failed
 * @param logTail       the function's last log lines, for diagnosing a failure
 * @param initDuration  for a cold start, the time from starting the environment until the runtime, its handler
 *                      loaded and constructed, asked for the event (Lambda's "Init Duration"); null when warm
 */
public record InvocationResult(String payload, String functionError, String logTail, java.time.Duration initDuration) {

    public InvocationResult(String payload, String functionError, String logTail) {
        this(payload, functionError, logTail, null);
    }

    InvocationResult withInitDuration(java.time.Duration init) {
        return new InvocationResult(payload, functionError, logTail, init);
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
        return new InvocationResult(error.toString(), "Unhandled", "");
    }

    /** Lambda's reason when it throttled the invocation; null when the function ran. */
    public String throttleReason() {
        if (functionError == null || !payload.contains(THROTTLED)) {
            return null;
        }
        try {
            com.google.gson.JsonObject error = com.google.gson.JsonParser.parseString(payload).getAsJsonObject();
            return error.has("errorType") && THROTTLED.equals(error.get("errorType").getAsString())
                    && error.has("Reason") ? error.get("Reason").getAsString() : null;
        } catch (RuntimeException notAnErrorDocument) {
            return null;
        }
    }
}
