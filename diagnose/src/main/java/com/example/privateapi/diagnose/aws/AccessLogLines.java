package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.Denial;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the lines of the backend stack's access log (its JSON format: {@code status}, {@code httpMethod},
 * {@code path}, {@code vpceId}, {@code userArn}, {@code errorMessage}, {@code authenticateError},
 * {@code authorizeError}...); API Gateway writes {@code -} for an empty value.
 */
final class AccessLogLines {

    /** A line of a denied request (status 403), summarised; empty for any other line. */
    Optional<Denial> denial(Long timestamp, String message) {
        if (message == null) {
            return Optional.empty();
        }
        JsonObject line;
        try {
            JsonElement parsed = JsonParser.parseString(message);
            if (!parsed.isJsonObject()) {
                return Optional.empty();
            }
            line = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return Optional.empty();
        }
        if (!"403".equals(field(line, "status"))) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        parts.add("403");
        parts.add(orDash(field(line, "httpMethod")) + " " + orDash(field(line, "path")));
        parts.add("via " + orDash(field(line, "vpceId")));
        parts.add("by " + orDash(field(line, "userArn")));
        StringBuilder summary = new StringBuilder(String.join(" ", parts));
        String error = field(line, "errorMessage");
        if (error != null) {
            summary.append(": ").append(error);
        }
        for (String key : new String[] {"authenticateError", "authorizeError"}) {
            String value = field(line, key);
            if (value != null && !value.equals(error)) {
                summary.append(" (").append(key).append(": ").append(value).append(')');
            }
        }
        Instant time = timestamp == null ? Instant.EPOCH : Instant.ofEpochMilli(timestamp);
        return Optional.of(new Denial(time, summary.toString()));
    }

    private static String field(JsonObject line, String key) {
        JsonElement value = line.get(key);
        if (value == null || value.isJsonNull() || !value.isJsonPrimitive()) {
            return null;
        }
        String text = value.getAsString();
        return text.isBlank() || text.equals("-") ? null : text;
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
