package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a stage's access log format: every {@code $context.name} is replaced by the request's value, as API
 * Gateway does ({@code -} when the value is absent). Values are JSON-escaped so a JSON format stays JSON. Each
 * format is parsed once; the values come from one {@link AccessLogEntry}, the only place they are named.
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
    private static final Map<String, AccessLogFormatter> PARSED = new ConcurrentHashMap<>();

    /** Literal text, and variable names (odd positions). */
    private final List<String> parts = new ArrayList<>();

    private AccessLogFormatter(String format) {
        Matcher m = VARIABLE.matcher(format);
        int at = 0;
        while (m.find()) {
            parts.add(format.substring(at, m.start()));
            parts.add(m.group(1));
            at = m.end();
        }
        parts.add(format.substring(at));
    }

    /** The formatter of a stage's format, parsed once; the default format when it has none. */
    static AccessLogFormatter of(String format) {
        return PARSED.computeIfAbsent(format == null || format.isBlank() ? DEFAULT_FORMAT : format,
                AccessLogFormatter::new);
    }

    String render(AccessLogEntry entry) {
        StringBuilder out = new StringBuilder(512);
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                out.append(parts.get(i));
            } else {
                String value = value(parts.get(i), entry);
                if (value == null) {
                    out.append('-');
                } else {
                    escape(value, out);
                }
            }
        }
        return out.toString();
    }

    /** {@code $context} variables ("$context variables for data models, authorizers, mapping templates, and access logging"). */
    private static String value(String name, AccessLogEntry e) {
        GatewayRequest request = e.request();
        RouteMatch match = e.match();
        Credentials caller = e.caller();
        IntegrationCall integration = e.integration();
        return switch (name) {
            case "requestId" -> e.ids().requestId();
            case "extendedRequestId" -> e.ids().extendedRequestId();
            case "xrayTraceId" -> e.ids().traceId();
            case "requestTime" -> ProxyEventBuilder.REQUEST_TIME.format(e.start());
            case "requestTimeEpoch" -> Long.toString(e.start().toEpochMilli());
            case "protocol" -> "HTTP/1.1";
            case "httpMethod" -> request == null ? null : request.method();
            case "identity.sourceIp" -> request == null ? null : request.sourceIp();
            case "identity.userAgent" -> request == null ? null : request.header("user-agent");
            case "identity.vpceId" -> request == null || request.endpoint() == null ? null : request.endpoint().id();
            case "identity.vpcId" -> request == null || request.endpoint() == null ? null
                    : request.endpoint().vpcId();
            case "apiId" -> match == null ? null : match.api().apiId();
            case "stage" -> match == null ? null : match.api().stage();
            case "resourcePath" -> match == null ? null : match.route().resourcePath();
            case "path" -> match == null ? null : "/" + match.api().stage() + match.path();
            case "domainName" -> e.domainName();
            case "identity.caller", "identity.user" -> caller == null ? null : caller.principal().userId();
            case "identity.userArn" -> caller == null ? null : caller.principal().arn();
            case "identity.accountId" -> caller == null ? null : caller.principal().accountId();
            case "identity.accessKey" -> caller == null ? null : caller.accessKeyId();
            case "authenticate.status" -> e.authenticateStatus();
            case "authenticate.error" -> e.authenticateError();
            case "authorize.status" -> e.authorizeStatus();
            case "authorize.error" -> e.authorizeError();
            case "integration.status", "integrationStatus" -> integration.status() == null ? null
                    : integration.status().toString();
            case "integration.latency", "integrationLatency" -> integration.latency() == null ? null
                    : integration.latency().toString();
            case "integration.error" -> integration.error();
            case "error.message" -> e.error() == null ? null : e.error().message();
            case "error.messageString" -> e.error() == null ? null : "\"" + e.error().message() + "\"";
            case "error.responseType" -> e.responseType();
            case "status" -> Integer.toString(e.status());
            case "responseLength" -> Integer.toString(e.responseLength());
            case "responseLatency" -> Long.toString(e.latency());
            default -> null;
        };
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
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
    }
}
