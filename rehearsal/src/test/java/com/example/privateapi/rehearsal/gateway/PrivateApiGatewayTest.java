package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyKind;
import com.example.privateapi.iam.apigateway.ResourcePolicyShorthand;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.local.SignedHttp;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.testing.MutableClock;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gateway over real HTTP on loopback, with the real verifier, identity store and evaluator. */
class PrivateApiGatewayTest {

    static final String REGION = "us-east-1";
    static final String PROVIDER = "222222222222";
    static final String CONSUMER = "111111111111";
    static final String API_ID = "abc123defg";
    static final String CLIENT_ROLE = "arn:aws:iam::" + CONSUMER + ":role/DirectClientRole";
    static final String OTHER_ROLE = "arn:aws:iam::" + CONSUMER + ":role/SomeOtherRole";
    static final String LAMBDA_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
    static final String INVOKE_ANY_API = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"arn:aws:execute-api:*:*:*/*\"}]}";
    static final String BACKEND = "arn:aws:lambda:us-east-1:" + PROVIDER + ":function:backend";
    static final String BROKEN = "arn:aws:lambda:us-east-1:" + PROVIDER + ":function:broken";
    static final String UNPERMITTED = "arn:aws:lambda:us-east-1:" + PROVIDER + ":function:unpermitted";
    static final String RESOURCE_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":["
            + "{\"Sid\":\"AllowDirectClients\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + CLIENT_ROLE + "\"]},"
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/Prod/GET/*\"},"
            + "{\"Sid\":\"DenyOutsideAllowedEndpoints\",\"Effect\":\"Deny\",\"Principal\":\"*\","
            + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
            + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":[\"vpce-0allowed000000001\"]}}}]}";

    static final String ACCESS_LOG_FORMAT = AccessLogFormatter.DEFAULT_FORMAT.substring(0,
            AccessLogFormatter.DEFAULT_FORMAT.length() - 1) + ",\"domainName\":\"$context.domainName\"}";

    final MutableClock clock = new MutableClock(Instant.now());
    final IdentityStore identities = new IdentityStore(clock);
    final List<String> accessLog = new CopyOnWriteArrayList<>();
    final AtomicReference<String> lastEvent = new AtomicReference<>();
    final List<GatewayResponse> responses = new CopyOnWriteArrayList<>();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    GatewayPipeline pipeline;
    PrivateApiGateway gateway;
    URI allowedEndpoint;
    URI otherEndpoint;
    URI outside;
    Credentials client;
    Credentials otherClient;

    @BeforeEach
    void start() throws IOException {
        Policy lambdaTrust = Policy.parse("trust", LAMBDA_TRUST, PolicyKind.TRUST);
        Role clientRole = new Role(CLIENT_ROLE, "AROACLIENTROLE000001", lambdaTrust, List.of(Policy.parse(
                "DirectClientRole inline InvokeApi", INVOKE_ANY_API, PolicyKind.IDENTITY)), Duration.ofHours(1));
        Role otherRole = new Role(OTHER_ROLE, "AROAOTHERROLE0000001", lambdaTrust, List.of(Policy.parse(
                "SomeOtherRole inline InvokeApi", INVOKE_ANY_API, PolicyKind.IDENTITY)), Duration.ofHours(1));
        identities.putRole(clientRole);
        identities.putRole(otherRole);
        client = identities.startRoleSession(clientRole, "direct-client", Duration.ofHours(1));
        otherClient = identities.startRoleSession(otherRole, "other", Duration.ofHours(1));

        ApiDefinition api = new ApiDefinition(API_ID, PROVIDER, "Prod", List.of(
                new Route("GET", "/", BACKEND, null), new Route("GET", "/requests/{requestId}", BACKEND, null),
                new Route("GET", "/broken", BROKEN, null),
                new Route("GET", "/as-caller", BACKEND, Route.CALLER_CREDENTIALS),
                new Route("GET", "/unpermitted", UNPERMITTED, null)), Policy.parse("resource policy of API " + API_ID,
                ResourcePolicyShorthand.expand(RESOURCE_POLICY, REGION, PROVIDER, API_ID), PolicyKind.RESOURCE),
                ACCESS_LOG_FORMAT);
        FunctionInvoker invoker = (arn, event) -> {
            if (arn.equals(BROKEN)) {
                throw new FunctionInvoker.IntegrationException("Unhandled: boom");
            }
            lastEvent.set(event);
            return "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{\\\"ok\\\":true}\"}";
        };
        Map<String, Policy> functionPolicies = Map.of(BACKEND, apiGatewayMayInvoke(BACKEND),
                BROKEN, apiGatewayMayInvoke(BROKEN));
        pipeline = new GatewayPipeline(REGION, id -> Optional.ofNullable(
                id.equals(API_ID) ? Map.of("Prod", api) : null),
                new RequestAuthorizer(REGION, new SigV4Verifier(identities, clock), identities, new PolicyEvaluator()),
                new IntegrationAuthorizer(new PolicyEvaluator(), identities,
                        arn -> Optional.ofNullable(functionPolicies.get(arn))),
                invoker, clock, accessLog::add, responses::add);
        gateway = new PrivateApiGateway(pipeline);
        allowedEndpoint = gateway.startEndpoint(new VpcEndpoint("vpce-0allowed000000001", "vpc-0consumer0000001",
                null));
        otherEndpoint = gateway.startEndpoint(new VpcEndpoint("vpce-0other0000000002", "vpc-0consumer0000001",
                null));
        outside = gateway.startOutsideListener();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void signedRequestThroughTheAllowedEndpointReachesTheFunctionWithTheIdentityFilledIn() throws Exception {
        HttpResponse<String> response = send(signed(allowedEndpoint, "/Prod/", client, clock.instant()));
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"ok\":true}", response.body());
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElseThrow();

        JsonObject event = JsonParser.parseString(lastEvent.get()).getAsJsonObject();
        JsonObject context = event.getAsJsonObject("requestContext");
        JsonObject identity = context.getAsJsonObject("identity");
        assertEquals(requestId, context.get("requestId").getAsString());
        assertEquals("Prod", context.get("stage").getAsString());
        assertEquals(PROVIDER, context.get("accountId").getAsString());
        assertEquals(CONSUMER, identity.get("accountId").getAsString());
        assertEquals("arn:aws:sts::" + CONSUMER + ":assumed-role/DirectClientRole/direct-client",
                identity.get("userArn").getAsString());
        assertEquals("AROACLIENTROLE000001:direct-client", identity.get("caller").getAsString());
        assertEquals("AROACLIENTROLE000001:direct-client", identity.get("user").getAsString());
        assertEquals(client.accessKeyId(), identity.get("accessKey").getAsString());
        assertEquals("vpce-0allowed000000001", identity.get("vpceId").getAsString());
        assertEquals("vpc-0consumer0000001", identity.get("vpcId").getAsString());
        assertEquals("127.0.0.1", identity.get("sourceIp").getAsString());
        assertEquals("vpce-0allowed000000001", event.getAsJsonObject("headers").get("x-amzn-vpce-id").getAsString());
        assertEquals("/", event.get("resource").getAsString());

        assertEquals(1, accessLog.size());
        JsonObject line = JsonParser.parseString(accessLog.get(0)).getAsJsonObject();
        assertEquals(requestId, line.get("requestId").getAsString());
        assertEquals("200", line.get("status").getAsString());
    }

    @Test
    void pathParametersReachTheEvent() throws Exception {
        HttpResponse<String> response = send(signed(allowedEndpoint, "/Prod/requests/r-42", client, clock.instant()));
        assertEquals(200, response.statusCode(), response.body());
        JsonObject event = JsonParser.parseString(lastEvent.get()).getAsJsonObject();
        assertEquals("r-42", event.getAsJsonObject("pathParameters").get("requestId").getAsString());
        assertEquals("/requests/{requestId}", event.get("resource").getAsString());
        assertEquals("/requests/r-42", event.get("path").getAsString());
    }

    @Test
    void unsignedRequestIsMissingAuthenticationToken() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(allowedEndpoint.resolve("/Prod/"))
                .header("x-apigw-api-id", API_ID).GET().build());
        assertError(response, 403, "MissingAuthenticationTokenException", "message", "Missing Authentication Token");
    }

    @Test
    void unknownRouteIsMissingAuthenticationTokenEvenWhenSigned() throws Exception {
        assertError(send(signed(allowedEndpoint, "/Prod/nowhere", client, clock.instant())), 403,
                "MissingAuthenticationTokenException", "message", "Missing Authentication Token");
        assertError(send(signed(allowedEndpoint, "/Dev/", client, clock.instant())), 403,
                "MissingAuthenticationTokenException", "message", "Missing Authentication Token");
    }

    /**
     * A Host and x-apigw-api-id naming no API: 403 {"message":"Forbidden"}, ForbiddenException (AWS Knowledge Center,
     * "How do I troubleshoot HTTP 403 errors from API Gateway?": "ForbiddenException" / "Forbidden").
     */
    @Test
    void aRequestNamingNoDeployedApiIsForbidden() throws Exception {
        HttpRequest unknownId = SignedHttp.get(allowedEndpoint.resolve("/Prod/"), Map.of("x-apigw-api-id",
                "nosuchapi1"), client, REGION, java.time.Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC));
        assertError(send(unknownId), 403, "ForbiddenException", "message", "Forbidden");
        // No x-apigw-api-id, and a Host (127.0.0.1:port here) that is no API's name.
        assertError(send(HttpRequest.newBuilder(allowedEndpoint.resolve("/Prod/")).GET().build()), 403,
                "ForbiddenException", "message", "Forbidden");
        assertEquals(2, accessLog.size(), accessLog.toString());
    }

    /**
     * With private DNS off the client calls the endpoint's own name: $context.domainName is "the full domain name
     * used to invoke the API" (the Host) and $context.domainPrefix "the first label of the $context.domainName"
     * (API Gateway Developer Guide, "$context variables for data models, authorizers, mapping templates, and access
     * logging").
     */
    @Test
    void theEventsDomainNameIsTheHostTheClientCalled() {
        String vpceName = "vpce-0allowed000000001-abcdefgh.execute-api.us-east-1.vpce.amazonaws.com";
        JsonObject context = eventThroughPipeline(vpceName).getAsJsonObject("requestContext");
        assertEquals(vpceName, context.get("domainName").getAsString());
        assertEquals("vpce-0allowed000000001-abcdefgh", context.get("domainPrefix").getAsString());

        String apiName = API_ID + ".execute-api.us-east-1.amazonaws.com";
        JsonObject viaPrivateDns = eventThroughPipeline(apiName).getAsJsonObject("requestContext");
        assertEquals(apiName, viaPrivateDns.get("domainName").getAsString());
        assertEquals(API_ID, viaPrivateDns.get("domainPrefix").getAsString());
        assertEquals(vpceName, JsonParser.parseString(accessLog.get(0)).getAsJsonObject().get("domainName")
                .getAsString(), accessLog.get(0));
    }

    /** A request signed for {@code host} as the client sends it through the allowed endpoint's listener. */
    private JsonObject eventThroughPipeline(String host) {
        HttpRequest signed = SignedHttp.get(URI.create("https://" + host + "/Prod/"), Map.of("x-apigw-api-id",
                API_ID), client, REGION, java.time.Clock.fixed(clock.instant(), java.time.ZoneOffset.UTC));
        Map<String, List<String>> headers = new java.util.HashMap<>(signed.headers().map());
        headers.put("Host", List.of(host));
        GatewayResponse response = pipeline.handle(new GatewayRequest("GET", "/Prod/", null, headers, new byte[0],
                "10.0.1.15", new VpcEndpoint("vpce-0allowed000000001", "vpc-0consumer0000001", null)));
        assertEquals(200, response.status(), new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        return JsonParser.parseString(lastEvent.get()).getAsJsonObject();
    }

    @Test
    void wrongEndpointIsAnExplicitDenyWithItsExplanationLogged() throws Exception {
        HttpResponse<String> response = send(signed(otherEndpoint, "/Prod/", client, clock.instant()));
        assertError(response, 403, "AccessDeniedException", "Message", "User: arn:aws:sts::" + CONSUMER
                + ":assumed-role/DirectClientRole/direct-client is not authorized to perform: execute-api:Invoke on "
                + "resource: arn:aws:execute-api:us-east-1:" + PROVIDER + ":" + API_ID + "/Prod/GET/ with an explicit deny");
        assertEquals(2, accessLog.size(), accessLog.toString());
        assertTrue(accessLog.get(1).contains("DenyOutsideAllowedEndpoints"), accessLog.get(1));
    }

    @Test
    void principalNotInTheResourcePolicyIsDeniedImplicitly() throws Exception {
        HttpResponse<String> response = send(signed(allowedEndpoint, "/Prod/", otherClient, clock.instant()));
        assertError(response, 403, "AccessDeniedException", "Message", "User: arn:aws:sts::" + CONSUMER
                + ":assumed-role/SomeOtherRole/other is not authorized to perform: execute-api:Invoke on "
                + "resource: arn:aws:execute-api:us-east-1:" + PROVIDER + ":" + API_ID + "/Prod/GET/");
    }

    @Test
    void requestThroughNoEndpointIsRefusedAsAnonymous() throws Exception {
        HttpResponse<String> response = send(signed(outside, "/Prod/", client, clock.instant()));
        assertError(response, 403, "AccessDeniedException", "Message", "User: anonymous is not authorized to "
                + "perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:" + PROVIDER + ":" + API_ID
                + "/Prod/GET/");
    }

    @Test
    void tamperedSignatureIsRejected() throws Exception {
        HttpRequest good = signed(allowedEndpoint, "/Prod/", client, clock.instant());
        String auth = good.headers().firstValue("Authorization").orElseThrow();
        char last = auth.charAt(auth.length() - 1);
        String tampered = auth.substring(0, auth.length() - 1) + (last == '0' ? '1' : '0');
        HttpRequest.Builder copy = HttpRequest.newBuilder(good.uri()).GET();
        good.headers().map().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("authorization")) {
                v.forEach(value -> copy.header(k, value));
            }
        });
        HttpResponse<String> response = send(copy.header("Authorization", tampered).build());
        assertEquals(403, response.statusCode());
        assertEquals("InvalidSignatureException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertTrue(response.body().contains("The request signature we calculated does not match the signature you "
                + "provided."), response.body());
    }

    @Test
    void staleDateIsSignatureExpired() throws Exception {
        HttpResponse<String> response = send(signed(allowedEndpoint, "/Prod/", client,
                clock.instant().minus(Duration.ofMinutes(6))));
        assertEquals(403, response.statusCode());
        assertEquals("InvalidSignatureException", response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertTrue(response.body().contains("Signature expired: "), response.body());
        assertTrue(response.body().contains(" - 5 min.)"), response.body());
    }

    @Test
    void expiredSessionTokenIsRejected() throws Exception {
        HttpRequest request = signed(allowedEndpoint, "/Prod/", client, clock.instant().plus(Duration.ofHours(2)));
        clock.advance(Duration.ofHours(2));
        HttpResponse<String> response = send(request);
        assertError(response, 403, "ExpiredTokenException", "message",
                "The security token included in the request is expired");
    }

    @Test
    void unknownAccessKeyIsUnrecognizedClient() throws Exception {
        Credentials stranger = new Credentials("ASIAUNKNOWNKEY000000", "secret", "token", null, client.principal());
        assertError(send(signed(allowedEndpoint, "/Prod/", stranger, clock.instant())), 403,
                "UnrecognizedClientException", "message", "The security token included in the request is invalid.");
    }

    @Test
    void functionFailureIsA502() throws Exception {
        HttpResponse<String> response = send(signed(allowedEndpoint, "/Prod/broken", client, clock.instant()));
        assertEquals(502, response.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", response.body());
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    /**
     * "Lambda integrations" and "Control access to a REST API with IAM permissions" (API Gateway Developer Guide):
     * with no integration credentials API Gateway invokes the function with the permission the function's resource
     * policy gives apigateway.amazonaws.com for the method's ARN; without it the caller gets a 500.
     */
    @Test
    void aFunctionWhoseResourcePolicyDoesNotLetApiGatewayInvokeItIsA500WithTheReason() throws Exception {
        HttpResponse<String> response = send(signed(allowedEndpoint, "/Prod/unpermitted", client, clock.instant()));
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", response.body());
        assertTrue(accessLog.stream().anyMatch(l -> l.contains("\"errorResponseType\":\"API_CONFIGURATION_ERROR\"")),
                accessLog.toString());
        String why = responses.get(responses.size() - 1).explanation();
        assertTrue(why.contains("with its own permission") && why.contains("AWS::Lambda::Permission"), why);
        assertEquals(null, lastEvent.get(), "the function was not invoked");
    }

    /**
     * SAM's default for AWS_IAM methods: the integration calls the function with the caller's credentials
     * (credentials arn:aws:iam::*:user/*). A caller from another account has no lambda:InvokeFunction on it, and the
     * function's resource policy names only API Gateway: 500.
     */
    @Test
    void withTheCallersCredentialsACrossAccountCallerCannotInvokeTheFunction() throws Exception {
        HttpResponse<String> response = send(signed(allowedEndpoint, "/Prod/as-caller", client, clock.instant()));
        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal server error\"}", response.body());
        String why = responses.get(responses.size() - 1).explanation();
        assertTrue(why.contains("with the caller's credentials") && why.contains("Auth.InvokeRole: NONE"), why);
        assertTrue(why.contains(client.principal().arn()), why);
        assertEquals(null, lastEvent.get(), "the function was not invoked");
    }

    @Test
    void aPayloadOverTenMegabytesIsRequestTooLong() throws Exception {
        byte[] body = new byte[GatewayPipeline.MAX_PAYLOAD_BYTES + 1];
        HttpResponse<String> response = send(HttpRequest.newBuilder(allowedEndpoint.resolve("/Prod/"))
                .header("x-apigw-api-id", API_ID).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertEquals(413, response.statusCode());
        assertEquals("{\"message\":\"Request Too Long\"}", response.body());
        assertTrue(response.headers().firstValue("x-amzn-RequestId").isPresent());
    }

    @Test
    void everyAnswerCarriesARequestIdAndOneAccessLogLine() throws Exception {
        send(signed(allowedEndpoint, "/Prod/", client, clock.instant()));
        send(HttpRequest.newBuilder(allowedEndpoint.resolve("/Prod/")).GET().build());
        send(signed(outside, "/Prod/", client, clock.instant()));
        long requestLines = accessLog.stream().filter(l -> l.startsWith("{")).count();
        assertEquals(3, requestLines, accessLog.toString());
    }

    private static Policy apiGatewayMayInvoke(String function) {
        return Policy.parse("resource policy of " + function, "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},"
                + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + function + "\",\"Condition\":{"
                + "\"ArnLike\":{\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:" + PROVIDER + ":" + API_ID
                + "/*/GET/*\"}}}]}", PolicyKind.RESOURCE);
    }

    private void assertError(HttpResponse<String> response, int status, String type, String key, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(type, response.headers().firstValue("x-amzn-ErrorType").orElse(null));
        assertNotNull(response.headers().firstValue("x-amzn-RequestId").orElse(null));
        assertEquals(message, JsonParser.parseString(response.body()).getAsJsonObject().get(key).getAsString());
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static HttpRequest signed(URI base, String path, Credentials credentials, Instant at) {
        return SignedHttp.get(base.resolve(path), Map.of("x-apigw-api-id", API_ID), credentials, REGION,
                java.time.Clock.fixed(at, java.time.ZoneOffset.UTC));
    }
}
