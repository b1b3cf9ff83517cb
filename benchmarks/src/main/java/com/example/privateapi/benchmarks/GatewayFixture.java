package com.example.privateapi.benchmarks;

import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.iam.PolicyKind;
import com.example.privateapi.iam.apigateway.ResourcePolicyShorthand;
import com.example.privateapi.rehearsal.gateway.ApiDefinition;
import com.example.privateapi.rehearsal.gateway.FunctionInvoker;
import com.example.privateapi.rehearsal.gateway.GatewayPipeline;
import com.example.privateapi.rehearsal.gateway.GatewayRequest;
import com.example.privateapi.rehearsal.gateway.IntegrationAuthorizer;
import com.example.privateapi.rehearsal.gateway.RequestAuthorizer;
import com.example.privateapi.rehearsal.gateway.Route;
import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The gateway as the rehearsal deploys it for the project's templates (the backend's two routes, a resource policy
 * naming the client role and denying other endpoints, the function's Lambda permission), with the integration
 * answering at once: what remains is the gateway's own work. The clock stands still at the signing time, so the
 * pre-signed request stays valid however long a benchmark runs.
 */
public final class GatewayFixture {

    static final String REGION = "us-east-1";
    static final String PROVIDER = "222222222222";
    static final String CONSUMER = "111111111111";
    static final String API_ID = "abc123defg";
    static final String ENDPOINT = "vpce-0allowed000000001";
    static final String CLIENT_ROLE = "arn:aws:iam::" + CONSUMER + ":role/DirectClientRole";
    static final String BACKEND = "arn:aws:lambda:us-east-1:" + PROVIDER + ":function:backend";
    static final String PROXY_RESPONSE = "{\"statusCode\":200,\"headers\":{\"Content-Type\":\"application/json\"},"
            + "\"body\":\"{\\\"accountId\\\":\\\"111111111111\\\"}\"}";

    final GatewayPipeline pipeline;
    final GatewayRequest request;
    final AtomicReference<String> lastEvent = new AtomicReference<>();

    public GatewayFixture(Consumer<String> accessLog) {
        Instant now = Instant.parse("2026-01-15T10:00:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        IdentityStore identities = new IdentityStore(clock);
        Role role = new Role(CLIENT_ROLE, "AROACLIENTROLE000001", Policy.parse("trust", "{\"Version\":\"2012-10-17\","
                + "\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST), List.of(Policy.parse("invoke",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
                        + "\"Resource\":\"arn:aws:execute-api:*:*:*/*\"}]}", PolicyKind.IDENTITY)), Duration.ofHours(1));
        identities.putRole(role);
        Credentials client = identities.startRoleSession(role, "direct-client", Duration.ofHours(1));
        String resourcePolicy = "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"AllowDirectClients\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"" + CLIENT_ROLE
                + "\"]},\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/Prod/GET/*\"},"
                + "{\"Sid\":\"DenyOutsideAllowedEndpoints\",\"Effect\":\"Deny\",\"Principal\":\"*\","
                + "\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\","
                + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":[\"" + ENDPOINT + "\"]}}}]}";
        ApiDefinition api = new ApiDefinition(API_ID, PROVIDER, "Prod", List.of(new Route("GET", "/", BACKEND, null),
                new Route("GET", "/requests/{requestId}", BACKEND, null)), Policy.parse("resource policy",
                ResourcePolicyShorthand.expand(resourcePolicy, REGION, PROVIDER, API_ID), PolicyKind.RESOURCE), null);
        Policy functionPolicy = Policy.parse("function policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},"
                + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + BACKEND + "\",\"Condition\":{\"ArnLike\":"
                + "{\"AWS:SourceArn\":\"arn:aws:execute-api:us-east-1:" + PROVIDER + ":" + API_ID + "/*/GET/*\"}}}]}",
                PolicyKind.RESOURCE);
        FunctionInvoker invoker = (arn, event) -> {
            lastEvent.lazySet(event);
            return PROXY_RESPONSE;
        };
        PolicyEvaluator evaluator = new PolicyEvaluator();
        Map<String, ApiDefinition> stages = Map.of("Prod", api);
        pipeline = new GatewayPipeline(REGION, id -> id.equals(API_ID) ? Optional.of(stages) : Optional.empty(),
                new RequestAuthorizer(REGION, new SigV4Verifier(identities, clock), identities, evaluator),
                new IntegrationAuthorizer(evaluator, identities, arn -> Optional.of(functionPolicy)), invoker, clock,
                accessLog, response -> { });
        request = signedGet(client, clock);
    }

    /** A GET of /Prod/ as the direct client's SDK signs it, arriving through the allowed endpoint. */
    private static GatewayRequest signedGet(Credentials client, Clock clock) {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://" + API_ID + ".execute-api.us-east-1.amazonaws.com/Prod/"))
                .putHeader("User-Agent", "aws-sdk-java/2 benchmark").build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r.identity(AwsSessionCredentialsIdentity.create(
                client.accessKeyId(), client.secretAccessKey(), client.sessionToken())).request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, REGION)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
        Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(signed.headers());
        headers.putIfAbsent("Host", List.of(signed.host()));
        return new GatewayRequest("GET", "/Prod/", null, headers, new byte[0], "10.20.1.15",
                new VpcEndpoint(ENDPOINT, "vpc-0consumer0000001", null));
    }
}
