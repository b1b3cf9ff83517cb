package com.example.privateapi.rehearsal.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the API, stage and method of a request as API Gateway does for private APIs: the API by
 * {@code Host: {api-id}.execute-api.{region}.amazonaws.com} or by {@code x-apigw-api-id}, the stage by the
 * first path segment, then the method on the resource tree (literal segments win over parameters).
 */
final class Router {

    /** {@code .execute-api.REGION.amazonaws.com}: what follows the API id in its own name. */
    private final String apiNameSuffix;
    /** Resource paths split into segments, once per path. */
    private final Map<String, List<String>> templates = new java.util.concurrent.ConcurrentHashMap<>();

    Router(String region) {
        this.apiNameSuffix = ".execute-api." + region + ".amazonaws.com";
    }

    /** The API id the request addresses, or empty when neither the Host nor x-apigw-api-id names one. */
    Optional<String> apiId(String hostHeader, String apiIdHeader) {
        if (apiIdHeader != null && !apiIdHeader.isBlank()) {
            return Optional.of(apiIdHeader.trim());
        }
        String host = hostName(hostHeader);
        if (host == null) {
            return Optional.empty();
        }
        if (host.endsWith(apiNameSuffix) && host.indexOf('.') == host.length() - apiNameSuffix.length()) {
            return Optional.of(host.substring(0, host.length() - apiNameSuffix.length()));
        }
        return Optional.empty();
    }

    /** The name a {@code Host} header names, lower case, without its port; null without a Host. */
    static String hostName(String hostHeader) {
        if (hostHeader == null || hostHeader.isBlank()) {
            return null;
        }
        String name = hostHeader.trim();
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon && colon < name.length() - 1 && allDigits(name, colon + 1)) {
            name = name.substring(0, colon);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean allDigits(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The method of the API's stage that serves the path; the path's stage must be the API's. */
    Optional<RouteMatch> match(ApiDefinition api, String method, RequestPath requestPath) {
        if (!requestPath.stage().equals(api.stage())) {
            return Optional.empty();
        }
        List<String> rest = requestPath.segments();
        String path = requestPath.withoutStage();
        RouteMatch best = null;
        int bestScore = -1;
        for (Route route : api.routes()) {
            if (!route.method().equals(method) && !route.method().equals("ANY")) {
                continue;
            }
            Map<String, String> params = new HashMap<>();
            int score = score(templates.computeIfAbsent(route.resourcePath(), Router::segments), rest, params);
            // An exact method beats ANY on the same resource.
            if (score >= 0 && route.method().equals(method)) {
                score++;
            }
            if (score > bestScore) {
                bestScore = score;
                best = new RouteMatch(api, route, path, params);
            }
        }
        return Optional.ofNullable(best);
    }

    /** -1 when the template does not match; otherwise higher for more literal segments. */
    private static int score(List<String> template, List<String> actual, Map<String, String> params) {
        int score = 0;
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= actual.size()) {
                    return -1;
                }
                params.put(part.substring(1, part.length() - 2), String.join("/", actual.subList(i, actual.size())));
                return score;
            }
            if (i >= actual.size()) {
                return -1;
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                params.put(part.substring(1, part.length() - 1), actual.get(i));
            } else if (part.equals(actual.get(i))) {
                score += 2;
            } else {
                return -1;
            }
        }
        return template.size() == actual.size() ? score : -1;
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
