package com.example.privateapi.rehearsal.lambda;

/**
 * What an invocation returned, as Lambda's Invoke API reports it.
 *
 * @param payload       the function's answer, or the error document ({@code errorMessage}, {@code errorType})
 * @param functionError null on success, {@code Unhandled} when the function failed
 * @param logTail       the function's last log lines, for diagnosing a failure
 */
public record InvocationResult(String payload, String functionError, String logTail) {
}
