package com.example.privateapi.rehearsal.gateway;

import java.util.List;
import java.util.Map;

/**
 * What the gateway answers, plus what it knows about the request for the access log and the caller.
 *
 * @param status      HTTP status
 * @param headers     response headers (always with {@code x-amzn-RequestId})
 * @param body        body bytes
 * @param requestId   the API Gateway request id
 * @param explanation why the request was denied (the IAM explanation), or null
 * @param callerArn   the authenticated caller's ARN, or null when the request was not authenticated
 */
public record GatewayResponse(int status, Map<String, List<String>> headers, byte[] body, String requestId,
                              String explanation, String callerArn) {
    public GatewayResponse {
        headers = Map.copyOf(headers);
    }
}
