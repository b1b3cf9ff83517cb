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
}
