package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.iam.apigateway.ExecuteApiArn;
import com.example.privateapi.rehearsal.http.HttpLimits;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One request through a private REST API, in API Gateway's order: route, then authorization (endpoint, signature,
 * identity, resource and VPC endpoint policies: {@link RequestAuthorizer}), then the integration's permission and
 * the Lambda proxy integration. Every answer carries {@code x-amzn-RequestId}; every request leaves one access-log
 * line, written here from the typed values each step returned, and a refusal also its explanation.
 */
public final class GatewayPipeline {

    /** API Gateway's payload limit, which the listener enforces ({@link HttpLimits#apiGateway()}). */
    public static final int MAX_PAYLOAD_BYTES = (int) HttpLimits.apiGateway().maxBodyBytes();
    /**
     * "When authorization is enabled on a method, the maximum length of the method's ARN ... is 1600 bytes ... the
     * API client receives a 414 Request URI too long response" (API Gateway Developer Guide, "Amazon API Gateway
     * quotas and important notes").
     */
    static final int MAX_METHOD_ARN_BYTES = 1600;

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
        Handled handled = process(request, ids, start);
        return answer(ids, start, request, handled);
    }

    /**
     * The answer to a request the listener refused before it could be read as one (malformed HTTP, over a limit,
     * too slow): API Gateway's error body and ids, and its access-log line in the default format, since no stage
     * was reached.
     */
    public GatewayResponse reject(int status, String message, String responseType) {
        Instant start = clock.instant();
        RequestIds ids = RequestIds.next(start.getEpochSecond());
        GatewayError error = new GatewayError(status, null, message, "message");
        return answer(ids, start, null, Handled.error(errorResponse(ids, error, null, null), error, responseType));
    }

    private GatewayResponse answer(RequestIds ids, Instant start, GatewayRequest request, Handled handled) {
        GatewayResponse response = handled.response();
        observer.accept(response);
        if (accessLog == null) {
            return response;
        }
        AccessLogEntry entry = new AccessLogEntry(ids, start, request, handled.match(), handled.domainName(),
                handled.authorization(), handled.integration(), handled.error(), handled.responseType(),
                response.status(), response.body().length, clock.millis() - start.toEpochMilli());
        accessLog.accept(AccessLogFormatter.of(handled.match() == null ? null
                : handled.match().api().accessLogFormat()).render(entry));
        if (response.explanation() != null) {
            accessLog.accept("  why " + ids.requestId() + ": " + response.explanation());
        }
        return response;
    }

    /** What each step returned: the answer, and the typed values its access-log line is written from. */
    private record Handled(GatewayResponse response, RouteMatch match, String domainName,
                           RequestAuthorizer.Authorization authorization, IntegrationCall integration,
                           GatewayError error, String responseType) {

        static Handled error(GatewayResponse response, GatewayError error, String responseType) {
            return new Handled(response, null, null, null, IntegrationCall.NOT_CALLED, error, responseType);
        }
    }

    private Handled process(GatewayRequest request, RequestIds ids, Instant now) {
        Optional<Map<String, ApiDefinition>> addressed = router.apiId(request.header("host"),
                request.header("x-apigw-api-id")).flatMap(apis::stages);
        if (addressed.isEmpty()) {
            // No API answers for this Host / x-apigw-api-id: there is no stage, so no gateway response type.
            GatewayError error = GatewayError.forbidden();
            return Handled.error(errorResponse(ids, error, null, null), error, null);
        }
        Optional<RouteMatch> found = RequestPath.of(request.rawPath()).flatMap(path ->
                Optional.ofNullable(addressed.get().get(path.stage()))
                        .flatMap(api -> router.match(api, request.method(), path)));
        if (found.isEmpty()) {
            GatewayError error = GatewayError.missingAuthenticationToken();
            return Handled.error(errorResponse(ids, error, null, null), error, "MISSING_AUTHENTICATION_TOKEN");
        }
        RouteMatch match = found.get();
        ApiDefinition api = match.api();
        String domainName = ProxyEventBuilder.domainName(request, api, region);
        String resourceArn = ExecuteApiArn.of(region, api.accountId(), api.apiId(), api.stage(), request.method(),
                match.path());
        if (resourceArn.getBytes(StandardCharsets.UTF_8).length > MAX_METHOD_ARN_BYTES) {
            GatewayError error = GatewayError.uriTooLong();
            return new Handled(errorResponse(ids, error, null, null), match, domainName, null,
                    IntegrationCall.NOT_CALLED, error, null);
        }

        RequestAuthorizer.Authorization authorization = authorizer.authorize(request, api, resourceArn, now);
        if (authorization instanceof RequestAuthorizer.Refused refused) {
            return new Handled(errorResponse(ids, refused.error(), refused.explanation(), refused.caller()), match,
                    domainName, authorization, IntegrationCall.NOT_CALLED, refused.error(), refused.responseType());
        }
        Credentials caller = authorization.caller();

        IntegrationAuthorizer.Result permitted = integrations.check(match.route(), caller.principal(),
                ((RequestAuthorizer.Granted) authorization).identityPolicies(), resourceArn, api.accountId());
        if (!permitted.permitted()) {
            // API Gateway's execution log says "Execution failed due to configuration error: Invalid permissions on
            // Lambda function"; the caller sees only a 500.
            GatewayError error = GatewayError.internalServerError();
            return new Handled(errorResponse(ids, error, permitted.explanation(), caller), match, domainName,
                    authorization, new IntegrationCall(null, null, "Invalid permissions on Lambda function"), error,
                    "API_CONFIGURATION_ERROR");
        }
        String event = events.build(request, match, domainName, caller, ids, now);
        long integrationStart = clock.millis();
        try {
            String payload = invoker.invoke(match.route().functionArn(), event);
            long latency = clock.millis() - integrationStart;
            ProxyResponseMapper.Mapped mapped = responses.map(payload);
            Map<String, List<String>> headers = new LinkedHashMap<>(mapped.headers());
            headers.putAll(standardHeaders(ids));
            return new Handled(new GatewayResponse(mapped.status(), headers, mapped.body(), ids.requestId(), null,
                    caller.principal().arn()), match, domainName, authorization,
                    new IntegrationCall(200, latency, null), null, null);
        } catch (FunctionInvoker.Throttled e) {
            // "If the backend service is throttled ... the API Gateway API might return an Internal server error"
            // (AWS Knowledge Center, "How do I troubleshoot issues for API Gateway endpoints that integrate with
            // Lambda?"): Lambda's 429 reaches the caller as a 500.
            GatewayError error = GatewayError.internalServerError();
            return new Handled(errorResponse(ids, error, e.getMessage() + ": every execution environment the "
                    + "function may have is busy (its reserved concurrency, else its account's)", caller), match,
                    domainName, authorization, new IntegrationCall(429, clock.millis() - integrationStart,
                    e.getMessage()), error, "INTEGRATION_FAILURE");
        } catch (FunctionInvoker.IntegrationException | ProxyResponseMapper.MalformedResponseException e) {
            GatewayError error = GatewayError.integrationFailure();
            return new Handled(errorResponse(ids, error, null, caller), match, domainName, authorization,
                    new IntegrationCall(null, clock.millis() - integrationStart, e.getMessage()), error,
                    "INTEGRATION_FAILURE");
        }
    }

    private static GatewayResponse errorResponse(RequestIds ids, GatewayError error, String explanation,
                                                 Credentials caller) {
        Map<String, List<String>> headers = new LinkedHashMap<>(standardHeaders(ids));
        headers.put("Content-Type", List.of("application/json"));
        if (error.errorType() != null) {
            headers.put("x-amzn-ErrorType", List.of(error.errorType()));
        }
        JsonObject body = new JsonObject();
        body.addProperty(error.messageKey(), error.message());
        return new GatewayResponse(error.status(), headers, body.toString().getBytes(StandardCharsets.UTF_8),
                ids.requestId(), explanation, caller == null ? null : caller.principal().arn());
    }

    private static Map<String, List<String>> standardHeaders(RequestIds ids) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("x-amzn-RequestId", List.of(ids.requestId()));
        headers.put("x-amz-apigw-id", List.of(ids.extendedRequestId()));
        headers.put("X-Amzn-Trace-Id", List.of(ids.traceId()));
        return headers;
    }
}
