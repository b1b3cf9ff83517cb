package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.iam.apigateway.ExecuteApiArn;
import com.example.privateapi.rehearsal.http.UrlEncoded;
import com.example.privateapi.rehearsal.identity.Credentials;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One request through a private REST API, in API Gateway's order: route, then authorization (endpoint, signature,
 * identity, resource and VPC endpoint policies: {@link RequestAuthorizer}), then the Lambda proxy integration. Every answer carries
 * {@code x-amzn-RequestId}; every request leaves one access-log line, and a denial also its explanation.
 */
public final class GatewayPipeline {

    /** API Gateway's payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final String region;
    private final PublishedApis apis;
    private final RequestAuthorizer authorizer;
    private final IntegrationAuthorizer integrations;
    private final FunctionInvoker invoker;
    private final Clock clock;
    private final Consumer<String> accessLog;
    private final Consumer<GatewayResponse> observer;
    private final Router router;
    private final ProxyEventBuilder events;
    private final ProxyResponseMapper responses = new ProxyResponseMapper();

    public GatewayPipeline(String region, PublishedApis apis, RequestAuthorizer authorizer,
                           IntegrationAuthorizer integrations, FunctionInvoker invoker, Clock clock,
                           Consumer<String> accessLog, Consumer<GatewayResponse> observer) {
        this.region = region;
        this.apis = apis;
        this.authorizer = authorizer;
        this.integrations = integrations;
        this.invoker = invoker;
        this.clock = clock;
        this.accessLog = accessLog;
        this.observer = observer;
        this.router = new Router(region);
        this.events = new ProxyEventBuilder(region);
    }

    public GatewayResponse handle(GatewayRequest request) {
        Instant start = clock.instant();
        RequestIds ids = RequestIds.next(start.getEpochSecond());
        Map<String, String> log = new HashMap<>();
        log.put("requestId", ids.requestId());
        log.put("extendedRequestId", ids.extendedRequestId());
        log.put("xrayTraceId", ids.traceId());
        log.put("requestTime", ProxyEventBuilder.REQUEST_TIME.format(start));
        log.put("requestTimeEpoch", Long.toString(start.toEpochMilli()));
        log.put("httpMethod", request.method());
        log.put("protocol", "HTTP/1.1");
        log.put("identity.sourceIp", request.sourceIp());
        log.put("identity.userAgent", request.header("user-agent"));
        if (request.endpoint() != null) {
            log.put("identity.vpceId", request.endpoint().id());
            log.put("identity.vpcId", request.endpoint().vpcId());
        }
        Handled outcome = process(request, ids, start, log);
        GatewayResponse response = outcome.response;
        observer.accept(response);
        log.put("status", Integer.toString(response.status()));
        log.put("responseLength", Integer.toString(response.body().length));
        log.put("responseLatency", Long.toString(clock.millis() - start.toEpochMilli()));
        ApiDefinition api = outcome.api;
        accessLog.accept(new AccessLogFormatter(api == null ? null : api.accessLogFormat()).render(log));
        if (response.explanation() != null) {
            accessLog.accept("  denied " + ids.requestId() + ": " + response.explanation());
        }
        return response;
    }

    private record Handled(GatewayResponse response, ApiDefinition api) {
    }

    private Handled process(GatewayRequest request, RequestIds ids, Instant now, Map<String, String> log) {
        if (request.body().length > MAX_PAYLOAD_BYTES) {
            return new Handled(error(ids, log, GatewayError.requestTooLong(), "REQUEST_TOO_LARGE", null), null);
        }
        Optional<Map<String, ApiDefinition>> addressed = router.apiId(request.header("host"),
                request.header("x-apigw-api-id")).flatMap(apis::stages);
        if (addressed.isEmpty()) {
            // No API answers for this Host / x-apigw-api-id: there is no stage, so no gateway response type.
            return new Handled(error(ids, log, GatewayError.forbidden(), null, null), null);
        }
        Optional<RouteMatch> found = route(request, addressed.get());
        if (found.isEmpty()) {
            return new Handled(error(ids, log, GatewayError.missingAuthenticationToken(),
                    "MISSING_AUTHENTICATION_TOKEN", null), null);
        }
        RouteMatch match = found.get();
        ApiDefinition api = match.api();
        log.put("apiId", api.apiId());
        log.put("stage", api.stage());
        log.put("resourcePath", match.route().resourcePath());
        log.put("path", "/" + api.stage() + match.path());
        log.put("domainName", ProxyEventBuilder.domainName(request, api, region));
        String resourceArn = ExecuteApiArn.of(region, api.accountId(), api.apiId(), api.stage(), request.method(),
                match.path());

        RequestAuthorizer.Authorization authorization = authorizer.authorize(request, api, resourceArn, now, log);
        if (authorization instanceof RequestAuthorizer.Refused refused) {
            return new Handled(error(ids, log, refused.error(), refused.responseType(), refused.explanation()), api);
        }
        Credentials caller = ((RequestAuthorizer.Granted) authorization).caller();

        IntegrationAuthorizer.Result permitted = integrations.check(match.route(), caller.principal(), resourceArn);
        if (!permitted.permitted()) {
            // API Gateway's execution log says "Execution failed due to configuration error: Invalid permissions on
            // Lambda function"; the caller sees only a 500.
            log.put("integration.error", "Invalid permissions on Lambda function");
            return new Handled(error(ids, log, GatewayError.internalServerError(), "API_CONFIGURATION_ERROR",
                    permitted.explanation()), api);
        }
        String event = events.build(request, match, caller, ids, now);
        long integrationStart = clock.millis();
        try {
            String payload = invoker.invoke(match.route().functionArn(), event);
            String latency = Long.toString(clock.millis() - integrationStart);
            log.put("integrationLatency", latency);
            log.put("integration.latency", latency);
            ProxyResponseMapper.Mapped mapped = responses.map(payload);
            log.put("integrationStatus", "200");
            log.put("integration.status", "200");
            Map<String, List<String>> headers = new LinkedHashMap<>(mapped.headers());
            headers.putAll(standardHeaders(ids));
            return new Handled(new GatewayResponse(mapped.status(), headers, mapped.body(), ids.requestId(), null,
                    caller.principal().arn()),
                    api);
        } catch (FunctionInvoker.IntegrationException | ProxyResponseMapper.MalformedResponseException e) {
            log.put("integrationLatency", Long.toString(clock.millis() - integrationStart));
            log.put("integration.error", e.getMessage());
            return new Handled(error(ids, log, GatewayError.integrationFailure(), "INTEGRATION_FAILURE",
                    null), api);
        }
    }

    private Optional<RouteMatch> route(GatewayRequest request, Map<String, ApiDefinition> stages) {
        String path;
        try {
            path = UrlEncoded.decode(request.rawPath(), false);
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        String stage = path.startsWith("/") ? path.substring(1) : path;
        String stageName = stage.contains("/") ? stage.substring(0, stage.indexOf('/')) : stage;
        return Optional.ofNullable(stages.get(stageName)).flatMap(api -> router.match(api, request.method(), path));
    }

    private GatewayResponse error(RequestIds ids, Map<String, String> log, GatewayError error, String responseType,
                                  String explanation) {
        String callerArn = log.get("identity.userArn");
        log.put("error.message", error.message());
        log.put("error.messageString", "\"" + error.message() + "\"");
        log.put("error.responseType", responseType);
        Map<String, List<String>> headers = new LinkedHashMap<>(standardHeaders(ids));
        headers.put("Content-Type", List.of("application/json"));
        if (error.errorType() != null) {
            headers.put("x-amzn-ErrorType", List.of(error.errorType()));
        }
        com.google.gson.JsonObject body = new com.google.gson.JsonObject();
        body.addProperty(error.messageKey(), error.message());
        return new GatewayResponse(error.status(), headers,
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), ids.requestId(), explanation,
                callerArn);
    }

    private static Map<String, List<String>> standardHeaders(RequestIds ids) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", List.of(ids.requestId()));
        headers.put("x-amz-apigw-id", List.of(ids.extendedRequestId()));
        headers.put("X-Amzn-Trace-Id", List.of(ids.traceId()));
        return headers;
    }

}
