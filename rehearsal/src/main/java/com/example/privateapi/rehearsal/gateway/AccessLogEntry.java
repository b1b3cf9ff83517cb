package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.time.Instant;

/**
 * Everything the access log says about one request, as typed values gathered once the request is answered: the
 * stage's format picks from them ({@link AccessLogFormatter}).
 *
 * @param ids            the request's ids
 * @param start          when the request arrived
 * @param request        the request, or null when it was refused before it could be read (a protocol error)
 * @param match          the API, stage and method it was routed to, or null
 * @param domainName     {@code $context.domainName}, or null when it was not routed
 * @param authorization  the authorization's answer, or null when it did not get that far
 * @param integration    what the integration did
 * @param error          the error answered, or null
 * @param responseType   the gateway response type of the error, or null
 * @param status         the status answered
 * @param responseLength the body's length
 * @param latency        milliseconds from arrival to answer
 */
record AccessLogEntry(RequestIds ids, Instant start, GatewayRequest request, RouteMatch match, String domainName,
                      RequestAuthorizer.Authorization authorization, IntegrationCall integration, GatewayError error,
                      String responseType, int status, int responseLength, long latency) {

    Credentials caller() {
        return authorization == null ? null : authorization.caller();
    }

    String authenticateStatus() {
        if (authorization instanceof RequestAuthorizer.Refused refused) {
            return switch (refused.failed()) {
                case ENDPOINT -> null;
                case AUTHENTICATE -> "403";
                case AUTHORIZE -> "200";
            };
        }
        return authorization == null ? null : "200";
    }

    String authenticateError() {
        return authorization instanceof RequestAuthorizer.Refused refused
                && refused.failed() == RequestAuthorizer.Check.AUTHENTICATE ? refused.error().message() : null;
    }

    String authorizeStatus() {
        if (authorization instanceof RequestAuthorizer.Refused refused) {
            return refused.failed() == RequestAuthorizer.Check.AUTHORIZE ? "403" : null;
        }
        return authorization == null ? null : "200";
    }

    String authorizeError() {
        return authorization instanceof RequestAuthorizer.Refused refused
                && refused.failed() == RequestAuthorizer.Check.AUTHORIZE ? refused.explanation() : null;
    }
}
