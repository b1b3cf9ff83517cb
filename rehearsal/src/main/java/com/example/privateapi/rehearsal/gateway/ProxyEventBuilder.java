package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.http.UrlEncoded;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the Lambda proxy integration event (payload format 1.0) as API Gateway sends it for an
 * IAM-authorized request to a private REST API.
 */
final class ProxyEventBuilder {

    static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private final String region;

    ProxyEventBuilder(String region) {
        this.region = region;
    }

    String build(GatewayRequest request, RouteMatch match, Credentials caller, RequestIds ids, Instant now) {
        ApiDefinition api = match.api();
        JsonObject event = new JsonObject();
        event.addProperty("resource", match.route().resourcePath());
        event.addProperty("path", match.path());
        event.addProperty("httpMethod", request.method());

        Map<String, List<String>> headers = integrationHeaders(request, ids);
        JsonObject single = new JsonObject();
        JsonObject multi = new JsonObject();
        headers.forEach((name, values) -> {
            single.addProperty(name, values.get(values.size() - 1));
            multi.add(name, array(values));
        });
        event.add("headers", single);
        event.add("multiValueHeaders", multi);

        Map<String, List<String>> query = UrlEncoded.grouped(request.rawQuery(), true);
        if (query.isEmpty()) {
            event.add("queryStringParameters", JsonNull.INSTANCE);
            event.add("multiValueQueryStringParameters", JsonNull.INSTANCE);
        } else {
            JsonObject q = new JsonObject();
            JsonObject mq = new JsonObject();
            query.forEach((name, values) -> {
                q.addProperty(name, values.get(values.size() - 1));
                mq.add(name, array(values));
            });
            event.add("queryStringParameters", q);
            event.add("multiValueQueryStringParameters", mq);
        }
        if (match.pathParameters().isEmpty()) {
            event.add("pathParameters", JsonNull.INSTANCE);
        } else {
            JsonObject params = new JsonObject();
            match.pathParameters().forEach(params::addProperty);
            event.add("pathParameters", params);
        }
        event.add("stageVariables", JsonNull.INSTANCE);

        JsonObject context = new JsonObject();
        context.addProperty("resourceId", ResourceIds.of(api.apiId(), match.route().resourcePath()));
        context.addProperty("resourcePath", match.route().resourcePath());
        context.addProperty("httpMethod", request.method());
        context.addProperty("extendedRequestId", ids.extendedRequestId());
        context.addProperty("requestTime", REQUEST_TIME.format(now));
        context.addProperty("path", "/" + api.stage() + match.path());
        context.addProperty("accountId", api.accountId());
        context.addProperty("protocol", "HTTP/1.1");
        context.addProperty("stage", api.stage());
        String domainName = domainName(request, api, region);
        context.addProperty("domainPrefix", domainName.substring(0, domainName.indexOf('.') < 0
                ? domainName.length() : domainName.indexOf('.')));
        context.addProperty("requestTimeEpoch", now.toEpochMilli());
        context.addProperty("requestId", ids.requestId());
        context.add("identity", identity(request, caller));
        context.addProperty("domainName", domainName);
        context.addProperty("deploymentId", ResourceIds.of(api.apiId(), "deployment"));
        context.addProperty("apiId", api.apiId());
        event.add("requestContext", context);

        if (request.body().length == 0) {
            event.add("body", JsonNull.INSTANCE);
            event.addProperty("isBase64Encoded", false);
        } else if (isText(request.header("content-type"))) {
            event.addProperty("body", new String(request.body(), StandardCharsets.UTF_8));
            event.addProperty("isBase64Encoded", false);
        } else {
            event.addProperty("body", Base64.getEncoder().encodeToString(request.body()));
            event.addProperty("isBase64Encoded", true);
        }
        return event.toString();
    }

    /**
     * {@code $context.domainName}: the name the client called, its {@code Host} without a port; the API's own
     * {@code {api-id}.execute-api.{region}.amazonaws.com} with private DNS, the endpoint's
     * {@code vpce-...vpce.amazonaws.com} name without it. The API's own name when the request carries no Host.
     */
    static String domainName(GatewayRequest request, ApiDefinition api, String region) {
        String host = request.header("host");
        if (host == null || host.isBlank()) {
            return api.apiId() + ".execute-api." + region + ".amazonaws.com";
        }
        String name = host.trim();
        int colon = name.lastIndexOf(':');
        if (colon > 0 && name.indexOf(']') < colon && name.substring(colon + 1).matches("\\d+")) {
            name = name.substring(0, colon);
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The identity block as API Gateway fills it for IAM-authorized calls through a VPC endpoint. */
    private static JsonObject identity(GatewayRequest request, Credentials caller) {
        JsonObject identity = new JsonObject();
        identity.add("cognitoIdentityPoolId", JsonNull.INSTANCE);
        identity.addProperty("accountId", caller.principal().accountId());
        identity.add("cognitoIdentityId", JsonNull.INSTANCE);
        identity.addProperty("caller", caller.principal().userId());
        identity.add("sourceIp", new com.google.gson.JsonPrimitive(request.sourceIp()));
        identity.add("principalOrgId", JsonNull.INSTANCE);
        identity.addProperty("accessKey", caller.accessKeyId());
        identity.add("cognitoAuthenticationType", JsonNull.INSTANCE);
        identity.add("cognitoAuthenticationProvider", JsonNull.INSTANCE);
        identity.addProperty("userArn", caller.principal().arn());
        String userAgent = request.header("user-agent");
        if (userAgent == null) {
            identity.add("userAgent", JsonNull.INSTANCE);
        } else {
            identity.addProperty("userAgent", userAgent);
        }
        identity.addProperty("user", caller.principal().userId());
        if (request.endpoint() != null) {
            identity.addProperty("vpceId", request.endpoint().id());
            identity.addProperty("vpcId", request.endpoint().vpcId());
        }
        return identity;
    }

    /** The client's headers plus those API Gateway adds for private APIs and tracing. */
    private static Map<String, List<String>> integrationHeaders(GatewayRequest request, RequestIds ids) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        request.headers().forEach((name, values) -> headers.put(canonicalCase(name), new ArrayList<>(values)));
        headers.put("X-Amzn-Trace-Id", List.of(ids.traceId()));
        headers.put("X-Forwarded-For", List.of(request.sourceIp()));
        headers.put("X-Forwarded-Port", List.of("443"));
        headers.put("X-Forwarded-Proto", List.of("https"));
        if (request.endpoint() != null) {
            headers.put("x-amzn-vpce-id", List.of(request.endpoint().id()));
            headers.put("x-amzn-vpce-config", List.of("1"));
        }
        return headers;
    }

    private static String canonicalCase(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            out.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        String cased = out.toString();
        // API Gateway passes x-amz-* and x-amzn-* headers through in the client's (usually lower) case.
        return name.toLowerCase(Locale.ROOT).startsWith("x-amz") ? name : cased;
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded");
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
