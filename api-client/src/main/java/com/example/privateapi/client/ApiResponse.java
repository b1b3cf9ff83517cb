package com.example.privateapi.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The API's answer as the client functions return it.
 *
 * @param statusCode HTTP status
 * @param body       the body text
 */
public record ApiResponse(int statusCode, String body) {

    /** {@code {"statusCode": ..., "body": ...}}, the shape the functions return to their invoker. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("statusCode", statusCode);
        map.put("body", body);
        return map;
    }
}
