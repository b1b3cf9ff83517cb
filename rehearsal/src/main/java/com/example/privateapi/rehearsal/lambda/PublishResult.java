package com.example.privateapi.rehearsal.lambda;

import java.time.Duration;

/**
 * The outcome of publishing a version of a SnapStart function: init and the {@code beforeCheckpoint} hooks ran, and
 * the snapshot was taken, or they failed and the version is not published.
 *
 * @param functionName the function
 * @param initDuration from starting the environment until the runtime, init and the beforeCheckpoint hooks done,
 *                     asked to be snapshotted; null when it failed
 * @param error        null on success; otherwise the runtime's report (the hook's exception), as Lambda leaves it in
 *                     the version's state reason
 */
public record PublishResult(String functionName, Duration initDuration, String error) {

    public boolean published() {
        return error == null;
    }
}
