package com.example.privateapi.rehearsal.gateway;

import java.util.Locale;

/**
 * One method on one resource of a REST API, integrated with a Lambda function (proxy integration).
 *
 * @param method       HTTP method, or {@code ANY}
 * @param resourcePath API Gateway resource path, e.g. {@code /} or {@code /requests/{requestId}}
 * @param functionArn  the function the integration invokes (qualified when it names an alias)
 * @param credentials  the integration's credentials: null for API Gateway's own permission through the function's
 *                     resource policy, {@link #CALLER_CREDENTIALS} for the caller's, else a role ARN
 */
public record Route(String method, String resourcePath, String functionArn, String credentials) {

    /** What API Gateway reads as "invoke with the caller's credentials". */
    public static final String CALLER_CREDENTIALS = "arn:aws:iam::*:user/*";

    public Route {
        method = method.toUpperCase(Locale.ROOT);
    }

    /** The account of a function, from its ARN ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}). */
    public static String account(String functionArn) {
        return functionArn.split(":")[4];
    }

    /** A function's ARN without its alias or version. */
    public static String unqualified(String functionArn) {
        String[] parts = functionArn.split(":");
        return parts.length > 7 ? String.join(":", java.util.Arrays.asList(parts).subList(0, 7)) : functionArn;
    }

    /** The function's name, from its ARN. */
    public String functionName() {
        String[] parts = functionArn.split(":");
        return parts.length >= 7 ? parts[6] : functionArn;
    }
}
