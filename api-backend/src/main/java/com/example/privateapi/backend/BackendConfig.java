package com.example.privateapi.backend;

import java.util.Locale;
import java.util.Map;

/**
 * The backend's settings, read once at init.
 *
 * @param tableName the DynamoDB table requests are recorded in ({@code TABLE_NAME})
 * @param region    the function's region ({@code AWS_REGION}, set by Lambda)
 * @param priming   {@code SNAPSTART_PRIMING} ({@code True}/{@code False}, default True): whether the SnapStart
 *                  checkpoint hook does the work of a first request before the snapshot
 */
public record BackendConfig(String tableName, String region, boolean priming) {

    public static BackendConfig fromEnvironment(Map<String, String> env) {
        return new BackendConfig(required(env, "TABLE_NAME", "the name of the requests table, e.g. "
                + "private-api-backend-RequestsTable-ABC123"), required(env, "AWS_REGION", "a region such as us-east-1"),
                priming(env.get("SNAPSTART_PRIMING")));
    }

    private static boolean priming(String value) {
        if (value == null || value.isBlank()) {
            return true;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("environment variable SNAPSTART_PRIMING must be True or False, "
                    + "got \"" + value + "\"");
        };
    }

    private static String required(Map<String, String> env, String name, String expected) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " must be set to " + expected);
        }
        return value.trim();
    }
}
