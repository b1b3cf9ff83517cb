package com.example.privateapi.rehearsal.http;

import java.util.List;
import java.util.Map;

/**
 * One request as it arrived, checked against HTTP/1.1's grammar and the listener's limits.
 *
 * @param method   the method token, as sent
 * @param rawPath  the path as on the wire (percent-encoded; every escape well formed)
 * @param rawQuery the query as on the wire, or null
 * @param headers  field name to values, looked up case-insensitively; unmodifiable
 * @param body     the body (decoded from chunks when it was chunked)
 * @param peer     the peer's address
 */
public record HttpRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
                          byte[] body, String peer) {

    /** The first value of a header field, or null. */
    public String header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
