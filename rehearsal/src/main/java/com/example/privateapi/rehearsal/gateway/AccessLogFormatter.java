package com.example.privateapi.rehearsal.gateway;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a stage's access log format: every {@code $context.name} is replaced by the request's value, as API
 * Gateway does ({@code -} when the value is absent). Values are JSON-escaped so a JSON format stays JSON.
 */
final class AccessLogFormatter {

    /** A plain JSON format used when the API defines none. */
    static final String DEFAULT_FORMAT = "{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
            + "\"caller\":\"$context.identity.caller\",\"userArn\":\"$context.identity.userArn\","
            + "\"vpceId\":\"$context.identity.vpceId\",\"requestTime\":\"$context.requestTime\","
            + "\"httpMethod\":\"$context.httpMethod\",\"resourcePath\":\"$context.resourcePath\","
            + "\"status\":\"$context.status\",\"errorMessage\":\"$context.error.message\","
            + "\"errorResponseType\":\"$context.error.responseType\"}";

    private static final Pattern VARIABLE = Pattern.compile("\\$context\\.([A-Za-z0-9_.]*[A-Za-z0-9_])");

    private final String format;

    AccessLogFormatter(String format) {
        this.format = format == null || format.isBlank() ? DEFAULT_FORMAT : format;
    }

    String render(Map<String, String> values) {
        Matcher m = VARIABLE.matcher(format);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? "-" : escape(value)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
