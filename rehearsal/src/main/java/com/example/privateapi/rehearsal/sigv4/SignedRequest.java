package com.example.privateapi.rehearsal.sigv4;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values));
        headers = Collections.unmodifiableMap(copy);
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
