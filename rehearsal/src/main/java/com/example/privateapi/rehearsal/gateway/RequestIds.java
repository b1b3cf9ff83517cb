package com.example.privateapi.rehearsal.gateway;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The ids API Gateway gives one request: the request id (also the {@code x-amzn-RequestId} header and the
 * Lambda event's {@code requestContext.requestId}), the extended request id and the X-Ray trace id.
 */
record RequestIds(String requestId, String extendedRequestId, String traceId) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String BASE64ISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    static RequestIds next(long epochSeconds) {
        StringBuilder extended = new StringBuilder();
        for (int i = 0; i < 15; i++) {
            extended.append(BASE64ISH.charAt(RANDOM.nextInt(BASE64ISH.length())));
        }
        byte[] trace = new byte[12];
        RANDOM.nextBytes(trace);
        String traceId = "Root=1-" + Long.toHexString(epochSeconds) + "-" + HexFormat.of().formatHex(trace);
        return new RequestIds(UUID.randomUUID().toString(), extended.append('=').toString(), traceId);
    }
}
