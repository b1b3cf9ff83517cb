package com.example.privateapi.rehearsal.http;

import java.time.Duration;

/**
 * What one listener accepts before it answers with an error instead of serving: sizes, and how long a slow or idle
 * client may hold a connection. Every limit answers with an HTTP status (414, 431, 413, 408, 503), never a reset.
 *
 * @param maxRequestLineBytes the request line (method, target, version); longer is 414
 * @param maxHeadBytes        the request line and the header fields together; more is 431
 * @param maxHeaderCount      header field lines; more is 431
 * @param maxBodyBytes        the body, declared or chunked; more is 413
 * @param headTimeout         from the first byte of a request to the end of its header fields; slower is 408
 * @param bodyTimeout         from the end of the header fields to the end of the body; slower is 408
 * @param idleTimeout         how long a kept-alive connection may wait for its next request before it is closed
 * @param maxConnections      connections served at once; a connection beyond them is answered 503 and closed
 */
public record HttpLimits(int maxRequestLineBytes, int maxHeadBytes, int maxHeaderCount, long maxBodyBytes,
                         Duration headTimeout, Duration bodyTimeout, Duration idleTimeout, int maxConnections) {

    public HttpLimits {
        if (maxRequestLineBytes < 16 || maxHeadBytes < maxRequestLineBytes || maxHeaderCount < 1 || maxBodyBytes < 0
                || maxConnections < 1) {
            throw new IllegalArgumentException("inconsistent HTTP limits: " + maxRequestLineBytes + "/" + maxHeadBytes
                    + "/" + maxHeaderCount + "/" + maxBodyBytes + "/" + maxConnections);
        }
        if (headTimeout.isNegative() || headTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()
                || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("HTTP timeouts must be positive");
        }
    }

    /**
     * API Gateway's limits for a REST API ("Quotas for configuring and running a REST API in API Gateway": "Total
     * combined size of request line and header values: 10240 bytes", "Payload size: 10 MB"); the timeouts are the
     * rehearsal's own, short enough that slow clients cannot hold its threads.
     */
    public static HttpLimits apiGateway() {
        return new HttpLimits(10_240, 10_240, 200, 10L * 1024 * 1024, Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofSeconds(60), 1024);
    }

    /**
     * STS's query API: form bodies of a few kilobytes (AssumeRole's largest inputs, a 2,048-character session policy,
     * 10 policy ARNs and 50 tags, fit well within 64 KiB).
     */
    public static HttpLimits sts() {
        return new HttpLimits(16_384, 32_768, 200, 64 * 1024, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(60), 256);
    }

    public HttpLimits withTimeouts(Duration head, Duration body, Duration idle) {
        return new HttpLimits(maxRequestLineBytes, maxHeadBytes, maxHeaderCount, maxBodyBytes, head, body, idle,
                maxConnections);
    }

    public HttpLimits withMaxConnections(int connections) {
        return new HttpLimits(maxRequestLineBytes, maxHeadBytes, maxHeaderCount, maxBodyBytes, headTimeout,
                bodyTimeout, idleTimeout, connections);
    }
}
