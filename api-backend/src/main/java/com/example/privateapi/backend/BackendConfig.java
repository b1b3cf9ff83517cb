package com.example.privateapi.backend;

import java.util.Map;

/**
 * The backend's settings, read once at init.
 *
 * @param tableName the DynamoDB table requests are recorded in ({@code TABLE_NAME})
 * @param region    the function's region ({@code AWS_REGION}, set by Lambda)
 */
public record BackendConfig(String tableName, String region) {

    public static BackendConfig fromEnvironment(Map<String, String> env) {
        return new BackendConfig(required(env, "TABLE_NAME", "the name of the requests table, e.g. "
                + "private-api-backend-RequestsTable-ABC123"), required(env, "AWS_REGION", "a region such as us-east-1"));
    }

    private static String required(Map<String, String> env, String name, String expected) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " must be set to " + expected);
        }
        return value.trim();
    }
}
