package com.example.privateapi.rehearsal.sigv4;

import com.example.privateapi.rehearsal.http.HeaderMaps;

import java.util.List;
import java.util.Map;

/**
 * A request as it arrived, for signature verification.
 *
 * @param method   HTTP method
 * @param rawPath  the path exactly as on the wire
 * @param rawQuery the query exactly as on the wire, or null
 * @param headers  header name to values (looked up case-insensitively)
 * @param body     the body
 */
public record SignedRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                            byte[] body) {

    public SignedRequest {
        headers = HeaderMaps.of(headers);
    }

    /** All values of a header, in order; empty when absent. */
    public List<String> headerValues(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headerValues(name);
        return values.isEmpty() ? null : values.get(0);
    }
}
