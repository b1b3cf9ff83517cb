package com.example.privateapi.rehearsal.gateway;

import java.util.Locale;

/**
 * One method on one resource of a REST API, integrated with a Lambda function (proxy integration).
 *
 * @param method       HTTP method, or {@code ANY}
 * @param resourcePath API Gateway resource path, e.g. {@code /} or {@code /requests/{requestId}}
 * @param functionName the Lambda function behind it
 */
public record Route(String method, String resourcePath, String functionName) {
    public Route {
        method = method.toUpperCase(Locale.ROOT);
    }
}
