package com.example.privateapi.diagnose.model;

import java.time.Instant;

/**
 * One denied request from the provider's access log.
 *
 * @param time    when it was logged
 * @param summary status, method, path, endpoint, caller and the error, in one line
 */
public record Denial(Instant time, String summary) {
}
