package com.example.privateapi.rehearsal.gateway;

/**
 * An error answer as API Gateway gives it.
 *
 * @param status     HTTP status
 * @param errorType  the {@code x-amzn-ErrorType} header value, or null when API Gateway sends none
 * @param message    the message
 * @param messageKey {@code message} or {@code Message}: API Gateway spells the body key differently for
 *                   authorization denials
 */
public record GatewayError(int status, String errorType, String message, String messageKey) {

    static GatewayError missingAuthenticationToken() {
        return new GatewayError(403, "MissingAuthenticationTokenException", "Missing Authentication Token", "message");
    }

    /** A request whose Host and x-apigw-api-id name no API this endpoint reaches. */
    static GatewayError forbidden() {
        return new GatewayError(403, "ForbiddenException", "Forbidden", "message");
    }

    static GatewayError accessDenied(String callerArn, String resourceArn, boolean explicit) {
        return new GatewayError(403, "AccessDeniedException", "User: " + callerArn
                + " is not authorized to perform: execute-api:Invoke on resource: " + resourceArn
                + (explicit ? " with an explicit deny" : ""), "Message");
    }

    static GatewayError requestTooLong() {
        return new GatewayError(413, null, "Request Too Long", "message");
    }

    /** The integration failed: the function errored, timed out, or answered what is not a proxy response. */
    static GatewayError integrationFailure() {
        return new GatewayError(502, null, "Internal server error", "message");
    }

    /** API Gateway could not call the integration at all, e.g. it may not invoke the function. */
    static GatewayError internalServerError() {
        return new GatewayError(500, null, "Internal server error", "message");
    }
}
