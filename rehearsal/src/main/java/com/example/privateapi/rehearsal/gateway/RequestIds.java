package com.example.privateapi.rehearsal.gateway;

import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ids API Gateway gives one request: the request id (also the {@code x-amzn-RequestId} header and the
 * Lambda event's {@code requestContext.requestId}), the extended request id and the X-Ray trace id.
 */
record RequestIds(String requestId, String extendedRequestId, String traceId) {

    private static final String BASE64ISH = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** Ids are unique, not secret: a thread-local generator, not the locked SecureRandom of UUID.randomUUID(). */
    static RequestIds next(long epochSeconds) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder extended = new StringBuilder(16);
        for (int i = 0; i < 15; i++) {
            extended.append(BASE64ISH.charAt(random.nextInt(BASE64ISH.length())));
        }
        byte[] trace = new byte[12];
        random.nextBytes(trace);
        String traceId = "Root=1-" + Long.toHexString(epochSeconds) + "-" + HexFormat.of().formatHex(trace);
        // A version 4 (random) UUID, as API Gateway's request ids are.
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new RequestIds(new UUID(high, low).toString(), extended.append('=').toString(), traceId);
    }
}
