package com.example.privateapi.diagnose.model;

import java.time.Duration;
import java.util.List;

/**
 * The latest denials in the API's access log.
 *
 * @param logGroup the log group
 * @param window   how far back it was searched
 * @param denials  the latest denied requests, oldest first
 */
public record AccessLog(String logGroup, Duration window, List<Denial> denials) {
    public AccessLog {
        denials = List.copyOf(denials);
    }
}
