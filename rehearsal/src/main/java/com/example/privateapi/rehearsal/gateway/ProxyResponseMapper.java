package com.example.privateapi.rehearsal.gateway;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Maps a Lambda proxy integration response to HTTP, refusing what API Gateway refuses as malformed. */
final class ProxyResponseMapper {

    record Mapped(int status, Map<String, List<String>> headers, byte[] body) {
    }

    static final class MalformedResponseException extends Exception {
        MalformedResponseException(String message) {
            super(message);
        }
    }

    Mapped map(String payload) throws MalformedResponseException {
        JsonObject response;
        try {
            JsonElement parsed = JsonParser.parseString(payload);
            if (!parsed.isJsonObject()) {
                throw malformed("the function returned " + shorten(payload) + ", not a JSON object");
            }
            response = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw malformed("the function's answer is not JSON: " + shorten(payload));
        }
        int status;
        try {
            JsonElement code = response.get("statusCode");
            status = code == null || code.isJsonNull() ? -1 : code.getAsInt();
        } catch (RuntimeException e) {
            status = -1;
        }
        if (status < 100 || status > 599) {
            throw malformed("statusCode is missing or not an HTTP status in " + shorten(payload));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (response.has("headers") && response.get("headers").isJsonObject()) {
            response.getAsJsonObject("headers").entrySet().forEach(e ->
                    headers.put(e.getKey(), new ArrayList<>(List.of(e.getValue().getAsString()))));
        }
        if (response.has("multiValueHeaders") && response.get("multiValueHeaders").isJsonObject()) {
            response.getAsJsonObject("multiValueHeaders").entrySet().forEach(e -> {
                List<String> values = headers.computeIfAbsent(e.getKey(), k -> new ArrayList<>());
                e.getValue().getAsJsonArray().forEach(v -> values.add(v.getAsString()));
            });
        }
        byte[] body = new byte[0];
        JsonElement bodyElement = response.get("body");
        if (bodyElement != null && !bodyElement.isJsonNull()) {
            String text = bodyElement.isJsonPrimitive() ? bodyElement.getAsString() : bodyElement.toString();
            boolean base64 = response.has("isBase64Encoded") && response.get("isBase64Encoded").getAsBoolean();
            try {
                body = base64 ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw malformed("isBase64Encoded is true but the body is not base64");
            }
        }
        return new Mapped(status, headers, body);
    }

    private static MalformedResponseException malformed(String detail) {
        return new MalformedResponseException("Execution failed due to configuration error: "
                + "Malformed Lambda proxy response: " + detail);
    }

    private static String shorten(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
