package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.http.UrlEncoded;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.google.gson.stream.JsonWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
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

    /** The event as JSON, written as a stream: no tree of JSON objects is built per request. */
    String build(GatewayRequest request, RouteMatch match, String domainName, Credentials caller, RequestIds ids,
                 Instant now) {
        StringWriter text = new StringWriter(2048);
        try (JsonWriter json = new JsonWriter(text)) {
            json.setSerializeNulls(true);
            write(json, request, match, domainName, caller, ids, now);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return text.toString();
    }

    private void write(JsonWriter json, GatewayRequest request, RouteMatch match, String domainName,
                       Credentials caller, RequestIds ids,
                       Instant now) throws IOException {
        ApiDefinition api = match.api();
        json.beginObject();
        json.name("resource").value(match.route().resourcePath());
        json.name("path").value(match.path());
        json.name("httpMethod").value(request.method());

        Map<String, List<String>> headers = integrationHeaders(request, ids);
        json.name("headers").beginObject();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            json.name(header.getKey()).value(header.getValue().get(header.getValue().size() - 1));
        }
        json.endObject();
        json.name("multiValueHeaders").beginObject();
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            json.name(header.getKey());
            array(json, header.getValue());
        }
        json.endObject();

        Map<String, List<String>> query = UrlEncoded.grouped(request.rawQuery(), true);
        if (query.isEmpty()) {
            json.name("queryStringParameters").nullValue();
            json.name("multiValueQueryStringParameters").nullValue();
        } else {
            json.name("queryStringParameters").beginObject();
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
                json.name(q.getKey()).value(q.getValue().get(q.getValue().size() - 1));
            }
            json.endObject();
            json.name("multiValueQueryStringParameters").beginObject();
            for (Map.Entry<String, List<String>> q : query.entrySet()) {
                json.name(q.getKey());
                array(json, q.getValue());
            }
            json.endObject();
        }
        if (match.pathParameters().isEmpty()) {
            json.name("pathParameters").nullValue();
        } else {
            json.name("pathParameters").beginObject();
            for (Map.Entry<String, String> p : match.pathParameters().entrySet()) {
                json.name(p.getKey()).value(p.getValue());
            }
            json.endObject();
        }
        json.name("stageVariables").nullValue();

        json.name("requestContext").beginObject();
        json.name("resourceId").value(ResourceIds.of(api.apiId(), match.route().resourcePath()));
        json.name("resourcePath").value(match.route().resourcePath());
        json.name("httpMethod").value(request.method());
        json.name("extendedRequestId").value(ids.extendedRequestId());
        json.name("requestTime").value(REQUEST_TIME.format(now));
        json.name("path").value("/" + api.stage() + match.path());
        json.name("accountId").value(api.accountId());
        json.name("protocol").value("HTTP/1.1");
        json.name("stage").value(api.stage());
        int dot = domainName.indexOf('.');
        json.name("domainPrefix").value(dot < 0 ? domainName : domainName.substring(0, dot));
        json.name("requestTimeEpoch").value(now.toEpochMilli());
        json.name("requestId").value(ids.requestId());
        json.name("identity");
        identity(json, request, caller);
        json.name("domainName").value(domainName);
        json.name("deploymentId").value(ResourceIds.of(api.apiId(), "deployment"));
        json.name("apiId").value(api.apiId());
        json.endObject();

        if (request.body().length == 0) {
            json.name("body").nullValue();
            json.name("isBase64Encoded").value(false);
        } else if (isText(request.header("content-type"))) {
            json.name("body").value(new String(request.body(), StandardCharsets.UTF_8));
            json.name("isBase64Encoded").value(false);
        } else {
            json.name("body").value(Base64.getEncoder().encodeToString(request.body()));
            json.name("isBase64Encoded").value(true);
        }
        json.endObject();
    }

    /**
     * {@code $context.domainName}: the name the client called, its {@code Host} without a port; the API's own
     * {@code {api-id}.execute-api.{region}.amazonaws.com} with private DNS, the endpoint's
     * {@code vpce-...vpce.amazonaws.com} name without it. The API's own name when the request carries no Host.
     */
    static String domainName(GatewayRequest request, ApiDefinition api, String region) {
        String name = Router.hostName(request.header("host"));
        return name != null ? name : api.apiId() + ".execute-api." + region + ".amazonaws.com";
    }

    /** The identity block as API Gateway fills it for IAM-authorized calls through a VPC endpoint. */
    private static void identity(JsonWriter json, GatewayRequest request, Credentials caller) throws IOException {
        json.beginObject();
        json.name("cognitoIdentityPoolId").nullValue();
        json.name("accountId").value(caller.principal().accountId());
        json.name("cognitoIdentityId").nullValue();
        json.name("caller").value(caller.principal().userId());
        json.name("sourceIp").value(request.sourceIp());
        json.name("principalOrgId").nullValue();
        json.name("accessKey").value(caller.accessKeyId());
        json.name("cognitoAuthenticationType").nullValue();
        json.name("cognitoAuthenticationProvider").nullValue();
        json.name("userArn").value(caller.principal().arn());
        json.name("userAgent").value(request.header("user-agent"));
        json.name("user").value(caller.principal().userId());
        if (request.endpoint() != null) {
            json.name("vpceId").value(request.endpoint().id());
            json.name("vpcId").value(request.endpoint().vpcId());
        }
        json.endObject();
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
        // API Gateway passes x-amz-* and x-amzn-* headers through in the client's (usually lower) case.
        if (name.regionMatches(true, 0, "x-amz", 0, 5)) {
            return name;
        }
        char[] cased = name.toCharArray();
        boolean upper = true;
        for (int i = 0; i < cased.length; i++) {
            char c = cased[i];
            cased[i] = upper ? Character.toUpperCase(c) : Character.toLowerCase(c);
            upper = c == '-';
        }
        return new String(cased);
    }

    private static boolean isText(String contentType) {
        if (contentType == null) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || type.contains("json") || type.contains("xml")
                || type.contains("x-www-form-urlencoded");
    }

    private static void array(JsonWriter json, List<String> values) throws IOException {
        json.beginArray();
        for (String value : values) {
            json.value(value);
        }
        json.endArray();
    }
}
