package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.rehearsal.iam.AuthorizationRequest;
import com.example.privateapi.rehearsal.iam.Decision;
import com.example.privateapi.rehearsal.iam.NamedPolicy;
import com.example.privateapi.rehearsal.iam.Outcome;
import com.example.privateapi.rehearsal.iam.PolicyEvaluator;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.sigv4.RejectReason;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.sigv4.SignedRequest;
import com.example.privateapi.rehearsal.sigv4.VerificationResult;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One request through a private REST API, in API Gateway's order: route, endpoint, signature, IAM authorization
 * (identity, resource and VPC endpoint policies), then the Lambda proxy integration. Every answer carries
 * {@code x-amzn-RequestId}; every request leaves one access-log line, and a denial also its explanation.
 */
public final class GatewayPipeline {

    /** API Gateway's payload limit. */
    public static final int MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

    private final String region;
    private final Supplier<Map<String, ApiDefinition>> apis;
    private final SigV4Verifier verifier;
    private final IdentityStore identities;
    private final PolicyEvaluator evaluator;
    private final FunctionInvoker invoker;
    private final Clock clock;
    private final Consumer<String> accessLog;
    private final Consumer<GatewayResponse> observer;
    private final Router router;
    private final ProxyEventBuilder events;
    private final ProxyResponseMapper responses = new ProxyResponseMapper();

    public GatewayPipeline(String region, Supplier<Map<String, ApiDefinition>> apis, SigV4Verifier verifier,
                           IdentityStore identities, PolicyEvaluator evaluator, FunctionInvoker invoker, Clock clock,
                           Consumer<String> accessLog, Consumer<GatewayResponse> observer) {
        this.region = region;
        this.apis = apis;
        this.verifier = verifier;
        this.identities = identities;
        this.evaluator = evaluator;
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
        Optional<RouteMatch> found = route(request);
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
        log.put("domainName", api.apiId() + ".execute-api." + region + ".amazonaws.com");
        String resourceArn = ExecuteApiArn.of(region, api.accountId(), api.apiId(), api.stage(), request.method(),
                match.path());

        if (request.endpoint() == null) {
            return new Handled(error(ids, log, GatewayError.accessDenied("anonymous", resourceArn, false),
                    "ACCESS_DENIED", "The request did not come through an interface VPC endpoint for execute-api: "
                            + "a private API answers only requests that arrive through one."), api);
        }

        VerificationResult verified = verifier.verify(new SignedRequest(request.method(), request.rawPath(),
                request.rawQuery(), request.headers(), request.body()), "execute-api", region);
        if (verified instanceof VerificationResult.Rejected rejected) {
            GatewayError error = rejected.reason() == RejectReason.MISSING_AUTHENTICATION_TOKEN
                    ? GatewayError.missingAuthenticationToken()
                    : new GatewayError(403, rejected.reason().errorType(), rejected.message(), "message");
            log.put("authenticate.status", "403");
            log.put("authenticate.error", rejected.message());
            return new Handled(error(ids, log, error, responseType(rejected.reason()), null), api);
        }
        Credentials caller = ((VerificationResult.Verified) verified).credentials();
        log.put("authenticate.status", "200");
        log.put("identity.caller", caller.principal().userId());
        log.put("identity.user", caller.principal().userId());
        log.put("identity.userArn", caller.principal().arn());
        log.put("identity.accountId", caller.principal().accountId());
        log.put("identity.accessKey", caller.accessKeyId());

        Decision decision = evaluator.evaluate(new AuthorizationRequest(caller.principal(), "execute-api:Invoke",
                resourceArn, api.accountId(), conditionContext(request, now), identities.identityPolicies(
                caller.principal()), resourcePolicy(api), endpointPolicy(request.endpoint())));
        if (!decision.allowed()) {
            log.put("authorize.status", "403");
            log.put("authorize.error", decision.reason());
            return new Handled(error(ids, log, GatewayError.accessDenied(caller.principal().arn(), resourceArn,
                    decision.outcome() == Outcome.EXPLICIT_DENY), "ACCESS_DENIED", decision.reason()), api);
        }
        log.put("authorize.status", "200");

        String event = events.build(request, match, caller, ids, now);
        long integrationStart = clock.millis();
        try {
            String payload = invoker.invoke(match.route().functionName(), event);
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
            log.put("integrationErrorMessage", e.getMessage());
            return new Handled(error(ids, log, GatewayError.internalServerError(), "INTEGRATION_FAILURE",
                    null), api);
        }
    }

    private Optional<RouteMatch> route(GatewayRequest request) {
        String path;
        try {
            path = QueryStrings.decodePath(request.rawPath());
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
        return router.apiId(request.header("host"), request.header("x-apigw-api-id"))
                .map(apis.get()::get)
                .flatMap(api -> router.match(api, request.method(), path));
    }

    private Map<String, List<String>> conditionContext(GatewayRequest request, Instant now) {
        Map<String, List<String>> context = new HashMap<>();
        context.put("aws:SourceVpce", List.of(request.endpoint().id()));
        context.put("aws:SourceVpc", List.of(request.endpoint().vpcId()));
        context.put("aws:VpcSourceIp", List.of(request.sourceIp()));
        context.put("aws:CurrentTime", List.of(now.toString()));
        context.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        context.put("aws:SecureTransport", List.of("true"));
        context.put("aws:RequestedRegion", List.of(region));
        String userAgent = request.header("user-agent");
        if (userAgent != null) {
            context.put("aws:UserAgent", List.of(userAgent));
        }
        return context;
    }

    private NamedPolicy resourcePolicy(ApiDefinition api) {
        if (api.resourcePolicy() == null) {
            return null;
        }
        return new NamedPolicy("resource policy of API " + api.apiId(),
                ExecuteApiArn.expandShorthand(api.resourcePolicy(), region, api.accountId(), api.apiId()));
    }

    private static NamedPolicy endpointPolicy(VpcEndpoint endpoint) {
        return endpoint.policy() == null ? null
                : new NamedPolicy("endpoint policy of " + endpoint.id(), endpoint.policy());
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

    private static String responseType(RejectReason reason) {
        return switch (reason) {
            case MISSING_AUTHENTICATION_TOKEN -> "MISSING_AUTHENTICATION_TOKEN";
            case EXPIRED_TOKEN -> "EXPIRED_TOKEN";
            case UNRECOGNIZED_CLIENT -> "UNAUTHORIZED";
            default -> "INVALID_SIGNATURE";
        };
    }
}
