package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.http.HeaderMaps;

import java.util.List;
import java.util.Map;

/**
 * An HTTP request as it reached one gateway listener.
 *
 * @param method    HTTP method
 * @param rawPath   the path as on the wire (percent-encoded)
 * @param rawQuery  the query as on the wire, or null
 * @param headers   header name to values; looked up case-insensitively
 * @param body      the body bytes
 * @param sourceIp  the peer address
 * @param endpoint  the VPC endpoint the request came through, or null when it came through none
 */
public record GatewayRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                             byte[] body, String sourceIp, VpcEndpoint endpoint) {

    public GatewayRequest {
        headers = HeaderMaps.of(headers);
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
