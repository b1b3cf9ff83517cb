package com.example.privateapi.diagnose.aws;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** Policy documents as the services hand them out, turned back into plain JSON. */
final class PolicyText {

    private PolicyText() {
    }

    /** IAM returns policy documents URL-encoded (RFC 3986); the SDK does not decode them. */
    static String iam(String document) {
        if (document == null) {
            return null;
        }
        String trimmed = document.trim();
        if (trimmed.startsWith("{")) {
            return trimmed;
        }
        return URLDecoder.decode(trimmed, StandardCharsets.UTF_8);
    }

    /**
     * API Gateway returns a resource policy as JSON whose quotes and slashes are escaped once more
     * ({@code {\"Version\":\"2012-10-17\",...}}); a policy set by other means may come back plain.
     */
    static String apiGateway(String policy) {
        if (policy == null || policy.isBlank()) {
            return null;
        }
        String trimmed = policy.trim();
        if (!trimmed.startsWith("{\\\"")) {
            return trimmed;
        }
        try {
            return JsonParser.parseString("\"" + trimmed + "\"").getAsString();
        } catch (JsonParseException | IllegalStateException e) {
            return trimmed;
        }
    }
}
