package com.example.privateapi.rehearsal.hostile;

import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.iam.PolicyKind;
import com.example.privateapi.iam.apigateway.ResourcePolicyShorthand;
import com.example.privateapi.rehearsal.gateway.ApiDefinition;
import com.example.privateapi.rehearsal.gateway.FunctionInvoker;
import com.example.privateapi.rehearsal.gateway.GatewayPipeline;
import com.example.privateapi.rehearsal.gateway.IntegrationAuthorizer;
import com.example.privateapi.rehearsal.gateway.PrivateApiGateway;
import com.example.privateapi.rehearsal.gateway.RequestAuthorizer;
import com.example.privateapi.rehearsal.gateway.Route;
import com.example.privateapi.rehearsal.gateway.VpcEndpoint;
import com.example.privateapi.rehearsal.http.HttpLimits;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.testing.MutableClock;
import com.example.privateapi.rehearsal.testing.RawHttp;
import com.example.privateapi.rehearsal.testing.RawSigner;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static com.example.privateapi.rehearsal.testing.RawHttp.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, oversized, slow and spoofed requests against the gateway over real sockets. Each case must get an HTTP
 * answer with its expected status (never a reset or silence, never a 5xx for the client's mistake), a body naming
 * no Java class and carrying no stack trace, and leave the gateway answering the next valid signed request.
 *
 * <p>Limits: "Total combined size of request line and header values: 10240 bytes", "Payload size: 10 MB" ("Quotas for
 * configuring and running a REST API in API Gateway"); "the maximum length of the method's ARN ... is 1600 bytes ...
 * the API client receives a 414 Request URI too long response" ("Amazon API Gateway quotas and important notes").
 * HTTP's own rules: RFC 9112 (request line, fields, framing) and RFC 9110.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayHostileInputTest {

    static final String REGION = "us-east-1";
    static final String PROVIDER = "222222222222";
    static final String CONSUMER = "111111111111";
    static final String API_ID = "abc123defg";
    static final String CLIENT_ROLE = "arn:aws:iam::" + CONSUMER + ":role/DirectClientRole";
    static final String BACKEND = "arn:aws:lambda:us-east-1:" + PROVIDER + ":function:backend";
    static final String ENDPOINT = "vpce-0allowed000000001";
    static final Duration SHORT = Duration.ofMillis(800);

    /** One hostile request and what it must get. */
    record Case(String name, List<byte[]> parts, Duration pause, int status, String errorType, boolean head,
                Consumer<RawHttp.Answer> more) {

        Case(String name, String request, int status, String errorType) {
            this(name, List.of(bytes(request)), Duration.ZERO, status, errorType, false, a -> { });
        }

        Case(String name, byte[] request, int status, String errorType) {
            this(name, List.of(request), Duration.ZERO, status, errorType, false, a -> { });
        }
    }

    final MutableClock clock = new MutableClock(Instant.now());
    final IdentityStore identities = new IdentityStore(clock);
    final AtomicReference<String> lastEvent = new AtomicReference<>();
    final List<String> faults = new CopyOnWriteArrayList<>();
    PrivateApiGateway gateway;
    URI endpoint;
    String host;
    Credentials client;

    @BeforeAll
    void start() throws IOException {
        Policy trust = Policy.parse("trust", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}",
                PolicyKind.TRUST);
        Role role = new Role(CLIENT_ROLE, "AROACLIENTROLE000001", trust, List.of(Policy.parse("invoke",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"execute-api:Invoke\","
                        + "\"Resource\":\"arn:aws:execute-api:*:*:*/*\"}]}", PolicyKind.IDENTITY)),
                Duration.ofHours(1));
        identities.putRole(role);
        client = identities.startRoleSession(role, "direct-client", Duration.ofHours(12));
        String resourcePolicy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"" + CLIENT_ROLE + "\"},\"Action\":\"execute-api:Invoke\",\"Resource\":\"execute-api:/*\"}]}";
        ApiDefinition api = new ApiDefinition(API_ID, PROVIDER, "Prod", List.of(new Route("GET", "/", BACKEND, null),
                new Route("GET", "/requests/{requestId}", BACKEND, null)), Policy.parse("resource policy",
                ResourcePolicyShorthand.expand(resourcePolicy, REGION, PROVIDER, API_ID), PolicyKind.RESOURCE), null);
        Policy functionPolicy = Policy.parse("function policy", "{\"Version\":\"2012-10-17\",\"Statement\":[{"
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"apigateway.amazonaws.com\"},"
                + "\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + BACKEND + "\"}]}", PolicyKind.RESOURCE);
        FunctionInvoker invoker = (arn, event) -> {
            lastEvent.set(event);
            return "{\"statusCode\":200,\"body\":\"ok\"}";
        };
        PolicyEvaluator evaluator = new PolicyEvaluator();
        GatewayPipeline pipeline = new GatewayPipeline(REGION, id -> Optional.ofNullable(
                id.equals(API_ID) ? Map.of("Prod", api) : null),
                new RequestAuthorizer(REGION, new SigV4Verifier(identities, clock), identities, evaluator),
                new IntegrationAuthorizer(evaluator, identities, arn -> Optional.of(functionPolicy)),
                invoker, clock, line -> { }, response -> { });
        gateway = new PrivateApiGateway(pipeline, HttpLimits.apiGateway().withTimeouts(SHORT, SHORT,
                Duration.ofSeconds(2)), faults::add);
        endpoint = gateway.startEndpoint(new VpcEndpoint(ENDPOINT, "vpc-0consumer0000001", null));
        host = "127.0.0.1:" + endpoint.getPort();
    }

    @AfterAll
    void stop() {
        gateway.close();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsItsAnswerAndTheGatewayKeepsServing() {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 150, "only " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        RawHttp.Answer answer = RawHttp.exchange(endpoint, c.parts(), c.pause(), Duration.ofSeconds(15), c.head());
        assertEquals(c.status(), answer.status(), c.name() + ": " + answer.body());
        if (c.errorType() != null) {
            assertEquals(c.errorType(), answer.header("x-amzn-ErrorType"), c.name() + ": " + answer.body());
        }
        assertTrue(answer.header("x-amzn-RequestId") != null, c.name() + " has no x-amzn-RequestId");
        assertNull(BodyLeaks.find(answer.body()), c.name() + " leaks in its body: " + answer.body());
        c.more().accept(answer);
        assertEquals(List.of(), faults, "the gateway itself failed");
        RawHttp.Answer valid = RawHttp.exchange(endpoint, validGet("/Prod/"));
        assertEquals(200, valid.status(), "after " + c.name() + ", a valid signed request got: " + valid.body());
    }

    /** Idle and trickling connections hold their own threads only: the gateway keeps answering others. */
    @Test
    void idleAndSlowConnectionsDoNotStarveTheListener() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket(endpoint.getHost(), endpoint.getPort());
                s.getOutputStream().write(bytes(i % 2 == 0 ? "" : "GET /Prod/ HTTP/1.1\r\nHost: x\r\n"));
                idle.add(s);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(200, RawHttp.exchange(endpoint, validGet("/Prod/")).status());
            }
        } finally {
            for (Socket s : idle) {
                s.close();
            }
        }
    }

    /** Beyond the connection limit a client is answered 503 at once, not left waiting; capacity comes back. */
    @Test
    void connectionsBeyondTheLimitAreAnswered503() throws Exception {
        PrivateApiGateway small = new PrivateApiGateway(new GatewayPipeline(REGION, id -> Optional.empty(),
                null, null, null, clock, line -> { }, r -> { }), HttpLimits.apiGateway()
                .withTimeouts(Duration.ofSeconds(5), SHORT, Duration.ofSeconds(5)).withMaxConnections(2), faults::add);
        try {
            URI url = small.startOutsideListener();
            try (Socket a = new Socket(url.getHost(), url.getPort()); Socket b = new Socket(url.getHost(),
                    url.getPort())) {
                Thread.sleep(200);
                RawHttp.Answer refused = RawHttp.exchange(url, bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
                assertEquals(503, refused.status(), refused.body());
                assertNull(BodyLeaks.find(refused.body()));
            }
            Thread.sleep(300);
            assertEquals(403, RawHttp.exchange(url, bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).status());
        } finally {
            small.close();
        }
    }

    private byte[] validGet(String path) {
        return signedGet(path, path, Map.of("x-apigw-api-id", API_ID), client, clock.instant());
    }

    /** A GET signed for {@code signedPath} and sent as {@code sentPath}. */
    private byte[] signedGet(String signedPath, String sentPath, Map<String, String> extra, Credentials who,
                             Instant at) {
        Map<String, List<String>> fields = RawSigner.sign("GET", URI.create("http://" + host + signedPath), extra,
                new byte[0], who, "execute-api", REGION, at);
        return bytes("GET " + sentPath + " HTTP/1.1\r\n" + RawHttp.fields(fields) + "\r\n");
    }

    private String signedFields(String path, Map<String, String> extra) {
        return RawHttp.fields(RawSigner.sign("GET", URI.create("http://" + host + path), extra, new byte[0], client,
                "execute-api", REGION, clock.instant()));
    }

    /** The signed fields of a valid GET of /Prod/ with one field replaced (or removed when value is null). */
    private byte[] signedWith(String field, String value) {
        Map<String, List<String>> fields = RawSigner.sign("GET", URI.create("http://" + host + "/Prod/"),
                Map.of("x-apigw-api-id", API_ID), new byte[0], client, "execute-api", REGION, clock.instant());
        if (value == null) {
            fields.remove(field);
        } else {
            fields.put(field, List.of(value));
        }
        return bytes("GET /Prod/ HTTP/1.1\r\n" + RawHttp.fields(fields) + "\r\n");
    }

    private String authorization() {
        return RawSigner.sign("GET", URI.create("http://" + host + "/Prod/"), Map.of("x-apigw-api-id", API_ID),
                new byte[0], client, "execute-api", REGION, clock.instant()).get("Authorization").get(0);
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String h = "Host: " + host + "\r\nx-apigw-api-id: " + API_ID + "\r\n";
        String missing = "MissingAuthenticationTokenException";

        // The request line (RFC 9112 3).
        cases.add(new Case("garbage instead of a request line", "HELLO\r\n\r\n", 400, null));
        cases.add(new Case("method only", "GET\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("no version", "GET /Prod/\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("two spaces", "GET  /Prod/ HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("trailing space", "GET /Prod/ HTTP/1.1 \r\n" + h + "\r\n", 400, null));
        cases.add(new Case("leading space", " GET /Prod/ HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("tab as separator", "GET\t/Prod/ HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("lower-case version", "GET /Prod/ http/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("HTTP/2.0", "GET /Prod/ HTTP/2.0\r\n" + h + "\r\n", 505, null));
        cases.add(new Case("HTTP/0.9", "GET /Prod/ HTTP/0.9\r\n" + h + "\r\n", 505, null));
        cases.add(new Case("HTTP/3.0", "GET /Prod/ HTTP/3.0\r\n" + h + "\r\n", 505, null));
        cases.add(new Case("HTTP/2 connection preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505, null));
        cases.add(new Case("HTTP/1.2 is served as 1.1", "GET /Prod/ HTTP/1.2\r\n" + h + "\r\n", 403, missing));
        cases.add(new Case("HTTP/1 without minor", "GET /Prod/ HTTP/1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("HTTP/1.10", "GET /Prod/ HTTP/1.10\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("HTTP/11", "GET /Prod/ HTTP/11\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("HTTPS/1.1", "GET /Prod/ HTTPS/1.1\r\n" + h + "\r\n", 400, null));
        for (String method : List.of("G(ET", "GE/T", "G@T", "GET:", "GE\"T", "G{E}T", "G,ET", "GÉT", "G\u0001ET")) {
            cases.add(new Case("method " + method.replace("\u0001", "\\x01"), method + " /Prod/ HTTP/1.1\r\n" + h
                    + "\r\n", 400, null));
        }
        for (String method : List.of("FOO", "DELETE", "POST", "PUT", "PATCH", "OPTIONS", "TRACE", "get",
                "A".repeat(2000))) {
            cases.add(new Case("method " + (method.length() > 20 ? "of 2000 letters" : method) + " has no route",
                    method + " /Prod/ HTTP/1.1\r\n" + h + "\r\n", 403, missing));
        }
        cases.add(new Case("HEAD has no route", List.of(bytes("HEAD /Prod/ HTTP/1.1\r\n" + h + "\r\n")),
                Duration.ZERO, 403, missing, true, a -> { }));
        cases.add(new Case("target without a slash", "GET Prod/ HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("fragment in the target", "GET /Prod/#top HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("control byte in the target", "GET /Prod/\u0001 HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("DEL in the target", "GET /Prod/\u007f HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("raw non-ASCII in the target", "GET /Prod/\u00e9 HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("NUL in the target", "GET /Prod/\u0000 HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("backslash in the target", "GET /Prod\\ HTTP/1.1\r\n" + h + "\r\n", 403, missing));
        cases.add(new Case("asterisk target for GET", "GET * HTTP/1.1\r\n" + h + "\r\n", 400, null));
        cases.add(new Case("asterisk target for OPTIONS", "OPTIONS * HTTP/1.1\r\n" + h + "\r\n", 403, missing));
        cases.add(new Case("absolute form", "GET http://" + host + "/Prod/ HTTP/1.1\r\n" + h + "\r\n", 403,
                missing));
        cases.add(new Case("absolute form with user info", "GET http://user@" + host + "/Prod/ HTTP/1.1\r\n" + h
                + "\r\n", 400, null));
        cases.add(new Case("absolute form of another scheme", "GET ftp://" + host + "/Prod/ HTTP/1.1\r\n" + h
                + "\r\n", 400, null));
        cases.add(new Case("authority form", "CONNECT " + host + " HTTP/1.1\r\n" + h + "\r\n", 400, null));
        for (String target : List.of("/Prod/%zz", "/Prod/%", "/Prod/%2", "/Prod/%%", "/Prod/%G0", "/Prod/?a=%",
                "/Prod/?%zz=1", "/Prod/?a=%2", "/Prod/requests/%", "/%/Prod")) {
            cases.add(new Case("malformed escape " + target, "GET " + target + " HTTP/1.1\r\n" + h + "\r\n", 400,
                    null));
        }
        for (String target : List.of("/Prod/%C0%AF", "/Prod/%00", "/Prod/%FF%FE", "/Prod/%E2%80%AE", "/%50rod/x",
                "/Prod/requests/%00", "/Prod/requests/%0D%0A", "/Prod/..%2F..%2F", "/Prod/%2e%2e/%2e%2e/",
                "/Prod/requests/a;b", "/Prod/requests/%22%3Cscript%3E")) {
            cases.add(new Case("unsigned odd path " + target, "GET " + target + " HTTP/1.1\r\n" + h + "\r\n", 403,
                    missing));
        }
        cases.add(new Case("request line of 10241 bytes", "GET /Prod/" + "a".repeat(10241 - 19) + " HTTP/1.1\r\n"
                + h + "\r\n", 414, null));
        cases.add(new Case("URL of 1 MB", "GET /Prod/" + "a".repeat(1 << 20) + " HTTP/1.1\r\n" + h + "\r\n", 414,
                null));
        cases.add(new Case("query of 1 MB", "GET /Prod/?q=" + "a".repeat(1 << 20) + " HTTP/1.1\r\n" + h + "\r\n",
                414, null));
        cases.add(new Case("two empty lines before the request line", "\r\n\r\nGET /Prod/ HTTP/1.1\r\n" + h + "\r\n",
                403, missing));
        cases.add(new Case("nine empty lines before the request line", "\r\n".repeat(9) + "GET /Prod/ HTTP/1.1\r\n"
                + h + "\r\n", 400, null));
        cases.add(new Case("a path whose method ARN is over 1600 bytes", "GET /Prod/requests/" + "r".repeat(1600)
                + " HTTP/1.1\r\n" + h + "\r\n", 414, null));

        // Header fields (RFC 9112 5).
        cases.add(new Case("field without a colon", "GET /Prod/ HTTP/1.1\r\n" + h + "Foo bar\r\n\r\n", 400, null));
        cases.add(new Case("space before the colon", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A : b\r\n\r\n", 400, null));
        cases.add(new Case("space in the name", "GET /Prod/ HTTP/1.1\r\n" + h + "X A: b\r\n\r\n", 400, null));
        cases.add(new Case("empty name", "GET /Prod/ HTTP/1.1\r\n" + h + ": b\r\n\r\n", 400, null));
        cases.add(new Case("separator in the name", "GET /Prod/ HTTP/1.1\r\n" + h + "X(A): b\r\n\r\n", 400, null));
        cases.add(new Case("non-ASCII name", "GET /Prod/ HTTP/1.1\r\n" + h + "X-\u00c4: b\r\n\r\n", 400, null));
        cases.add(new Case("obsolete line folding", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: a\r\n  b\r\n\r\n", 400,
                null));
        cases.add(new Case("folding with a tab", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: a\r\n\tb\r\n\r\n", 400, null));
        cases.add(new Case("NUL in a value", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: a\u0000b\r\n\r\n", 400, null));
        cases.add(new Case("bare CR in a value", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: a\rb\r\n\r\n", 400, null));
        cases.add(new Case("DEL in a value", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: a\u007fb\r\n\r\n", 400, null));
        cases.add(new Case("escape in a value", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: \u001b[31m\r\n\r\n", 400,
                null));
        cases.add(new Case("Latin-1 text in a value", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: caf\u00e9\r\n\r\n", 403,
                missing));
        cases.add(new Case("bare LF line ends", "GET /Prod/ HTTP/1.1\nHost: " + host + "\nx-apigw-api-id: " + API_ID
                + "\n\n", 403, missing));
        cases.add(new Case("mixed line ends", "GET /Prod/ HTTP/1.1\r\nHost: " + host + "\nx-apigw-api-id: " + API_ID
                + "\r\n\n", 403, missing));
        cases.add(new Case("bare CR line ends are never a line",
                List.of(bytes("GET /Prod/ HTTP/1.1\rHost: " + host + "\r\r")), Duration.ZERO, 408, null, false,
                a -> { }));
        cases.add(new Case("no Host in HTTP/1.1", "GET /Prod/ HTTP/1.1\r\nx-apigw-api-id: " + API_ID + "\r\n\r\n",
                400, null));
        cases.add(new Case("no Host in HTTP/1.0", "GET /Prod/ HTTP/1.0\r\nx-apigw-api-id: " + API_ID + "\r\n\r\n",
                403, missing));
        cases.add(new Case("two Host fields", "GET /Prod/ HTTP/1.1\r\n" + h + "Host: other\r\n\r\n", 400, null));
        for (String bad : List.of("a b", "a/b", "a@b", "a?b", "a#b", "a\"b", "a<b>", "%zz")) {
            cases.add(new Case("Host " + bad, "GET /Prod/ HTTP/1.1\r\nHost: " + bad + "\r\nx-apigw-api-id: "
                    + API_ID + "\r\n\r\n", 400, null));
        }
        cases.add(new Case("empty Host", "GET /Prod/ HTTP/1.1\r\nHost:\r\nx-apigw-api-id: " + API_ID + "\r\n\r\n",
                403, missing));
        cases.add(new Case("header of 1 MB", "GET /Prod/ HTTP/1.1\r\n" + h + "X-Big: " + "b".repeat(1 << 20)
                + "\r\n\r\n", 431, null));
        cases.add(new Case("5000 header fields", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: b\r\n".repeat(5000) + "\r\n",
                431, null));
        cases.add(new Case("201 header fields", "GET /Prod/ HTTP/1.1\r\n" + h + "X-A: b\r\n".repeat(201) + "\r\n",
                431, null));
        cases.add(new Case("request line and fields just over 10240 bytes", "GET /Prod/ HTTP/1.1\r\n" + h
                + "X-Pad: " + "p".repeat(10240 - 21 - h.length() - 9 + 1) + "\r\n\r\n", 431, null));
        cases.add(new Case("request line and fields of exactly 10240 bytes", "GET /Prod/ HTTP/1.1\r\n" + h
                + "X-Pad: " + "p".repeat(10240 - 21 - h.length() - 9) + "\r\n\r\n", 403, missing));

        // Body framing (RFC 9112 6).
        for (String length : List.of("abc", "-1", "1e3", "+5", "0x10", "5 5", "", "1234567890123456789", "5,6")) {
            cases.add(new Case("Content-Length '" + length + "'", "POST /Prod/ HTTP/1.1\r\n" + h + "Content-Length: "
                    + length + "\r\n\r\nhello", 400, null));
        }
        cases.add(new Case("two different Content-Lengths", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Content-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", 400, null));
        cases.add(new Case("repeated equal Content-Length", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Content-Length: 5, 5\r\n\r\nhello", 403, missing));
        cases.add(new Case("Content-Length of 11 MB", "POST /Prod/ HTTP/1.1\r\n" + h + "Content-Length: "
                + (11 << 20) + "\r\n\r\n", 413, null));
        cases.add(new Case("Content-Length of 17 digits", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Content-Length: 99999999999999999\r\n\r\n", 413, null));
        cases.add(new Case("Content-Length and Transfer-Encoding", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400, null));
        for (String coding : List.of("gzip", "chunked, gzip", "gzip, chunked", "chunk", "identity")) {
            cases.add(new Case("Transfer-Encoding " + coding, "POST /Prod/ HTTP/1.1\r\n" + h + "Transfer-Encoding: "
                    + coding + "\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 501, null));
        }
        cases.add(new Case("Transfer-Encoding with a separator", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Transfer-Encoding: chun(ked\r\n\r\n", 400, null));
        cases.add(new Case("chunked in HTTP/1.0", "POST /Prod/ HTTP/1.0\r\n" + h
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400, null));
        cases.add(new Case("chunked body", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 403, missing));
        cases.add(new Case("chunk extension and trailer", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Transfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n0\r\nX-Trailer: t\r\n\r\n", 403, missing));
        for (String chunk : List.of("zz\r\nhello\r\n0\r\n\r\n", "-5\r\nhello\r\n0\r\n\r\n",
                "5\r\nhelloXX0\r\n\r\n", "FFFFFFFFFFFFFFFF\r\n", "\r\nhello\r\n0\r\n\r\n", "5 5\r\nhello\r\n",
                "5\r\nhello\r\n0\r\nBad Trailer\r\n\r\n", "0x5\r\nhello\r\n0\r\n\r\n")) {
            cases.add(new Case("malformed chunk " + chunk.replace("\r\n", "|"), "POST /Prod/ HTTP/1.1\r\n" + h
                    + "Transfer-Encoding: chunked\r\n\r\n" + chunk, 400, null));
        }
        cases.add(new Case("a chunk of 4 GB", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Transfer-Encoding: chunked\r\n\r\nFFFFFFFF\r\n", 413, null));
        cases.add(new Case("chunks over 10 MB", List.of(bytes("POST /Prod/ HTTP/1.1\r\n" + h
                + "Transfer-Encoding: chunked\r\n\r\n"), chunks(11, 1 << 20)), Duration.ZERO, 413, null, false,
                a -> { }));
        cases.add(new Case("Expect 100-continue", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Expect: 100-continue\r\nContent-Length: 5\r\n\r\nhello", 403, missing));
        cases.add(new Case("an unknown expectation", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Expect: the-unexpected\r\nContent-Length: 5\r\n\r\nhello", 417, null));
        cases.add(new Case("Connection: close", "GET /Prod/ HTTP/1.1\r\n" + h + "Connection: close\r\n\r\n", 403,
                missing));

        // Slow clients (the test's listener gives each step 800 ms).
        cases.add(new Case("body shorter than its Content-Length", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Content-Length: 10\r\n\r\nhello", 408, null));
        cases.add(new Case("header fields never finished", "GET /Prod/ HTTP/1.1\r\n" + h, 408, null));
        cases.add(new Case("request line never finished", "GET /Prod/", 408, null));
        cases.add(new Case("fields trickled past the deadline", trickle("GET /Prod/ HTTP/1.1\r\n" + h
                + "X-Slow: abcdefghijklmnop\r\n\r\n", 6), Duration.ofMillis(250), 408, null, false, a -> { }));
        cases.add(new Case("body trickled past the deadline", trickle("POST /Prod/ HTTP/1.1\r\n" + h
                + "Content-Length: 12\r\n\r\nhello world!", 6), Duration.ofMillis(250), 408, null, false, a -> { }));
        cases.add(new Case("chunks never finished", "POST /Prod/ HTTP/1.1\r\n" + h
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n", 408, null));

        // Addressing (x-apigw-api-id and Host).
        for (String id : List.of("nosuchapi1", "ABC123DEFG", "abc123defg ", "../abc123defg", "x".repeat(5000),
                "abc123defg,abc123defg", "%61bc123defg")) {
            cases.add(new Case("x-apigw-api-id '" + (id.length() > 30 ? "x * 5000" : id) + "'", signedWith(
                    "x-apigw-api-id", id), id.equals("abc123defg ") ? 200 : 403, id.equals("abc123defg ") ? null
                    : "ForbiddenException"));
        }
        cases.add(new Case("the API's own name as Host", "GET /Prod/ HTTP/1.1\r\nHost: " + API_ID
                + ".execute-api.us-east-1.amazonaws.com\r\n\r\n", 403, missing));
        cases.add(new Case("another API's name as Host", "GET /Prod/ HTTP/1.1\r\nHost: zzz999zzzz"
                + ".execute-api.us-east-1.amazonaws.com\r\n\r\n", 403, "ForbiddenException"));
        cases.add(new Case("the API's name in another region", "GET /Prod/ HTTP/1.1\r\nHost: " + API_ID
                + ".execute-api.eu-west-1.amazonaws.com\r\n\r\n", 403, "ForbiddenException"));
        cases.add(new Case("no x-apigw-api-id and a Host naming nothing", "GET /Prod/ HTTP/1.1\r\nHost: " + host
                + "\r\n\r\n", 403, "ForbiddenException"));

        // One path for the signature, the route and the ARN.
        cases.add(new Case("signed for /Prod/, sent as /Prod/requests/../", List.of(signedGet("/Prod/",
                "/Prod/requests/../", Map.of("x-apigw-api-id", API_ID), client, clock.instant())), Duration.ZERO,
                200, null, false, a -> assertRoutedTo("/", "/")));
        cases.add(new Case("signed and sent as /Prod/requests/../", List.of(signedGet("/Prod/requests/../",
                "/Prod/requests/../", Map.of("x-apigw-api-id", API_ID), client, clock.instant())), Duration.ZERO,
                200, null, false, a -> assertRoutedTo("/", "/")));
        cases.add(new Case("signed for /Prod/, sent as /Prod//", List.of(signedGet("/Prod/", "/Prod//",
                Map.of("x-apigw-api-id", API_ID), client, clock.instant())), Duration.ZERO, 200, null, false,
                a -> assertRoutedTo("/", "/")));
        cases.add(new Case("signed for /Prod/requests/a, sent as /Prod/./requests/a", List.of(signedGet(
                "/Prod/requests/a", "/Prod/./requests/a", Map.of("x-apigw-api-id", API_ID), client,
                clock.instant())), Duration.ZERO, 200, null, false,
                a -> assertRoutedTo("/requests/{requestId}", "/requests/a")));
        cases.add(new Case("signed for /Prod/, sent as /Prod/requests/%2E%2E/", List.of(signedGet("/Prod/",
                "/Prod/requests/%2E%2E/", Map.of("x-apigw-api-id", API_ID), client, clock.instant())),
                Duration.ZERO, 403, "InvalidSignatureException", false, a -> { }));
        cases.add(new Case("signed for /Prod/requests/a, sent as /Prod/requests/b", List.of(signedGet(
                "/Prod/requests/a", "/Prod/requests/b", Map.of("x-apigw-api-id", API_ID), client,
                clock.instant())), Duration.ZERO, 403, "InvalidSignatureException", false, a -> { }));
        cases.add(new Case("signed with a path over the ARN limit", List.of(signedGet("/Prod/requests/"
                + "r".repeat(1600), "/Prod/requests/" + "r".repeat(1600), Map.of("x-apigw-api-id", API_ID), client,
                clock.instant())), Duration.ZERO, 414, null, false, a -> { }));

        // The Authorization header and its companions (SigV4).
        String auth = authorization();
        String incomplete = "IncompleteSignatureException";
        String invalid = "InvalidSignatureException";
        cases.add(new Case("Authorization garbage", signedWith("Authorization", "garbage"), 403, incomplete));
        cases.add(new Case("Authorization algorithm only", signedWith("Authorization", "AWS4-HMAC-SHA256"), 403,
                incomplete));
        cases.add(new Case("Authorization with SHA512", signedWith("Authorization",
                auth.replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA512")), 403, incomplete));
        cases.add(new Case("Authorization without Credential", signedWith("Authorization",
                auth.replaceAll("Credential=[^,]*, ", "")), 403, incomplete));
        cases.add(new Case("Authorization without Signature", signedWith("Authorization",
                auth.replaceAll(", Signature=.*", "")), 403, incomplete));
        cases.add(new Case("Authorization without SignedHeaders", signedWith("Authorization",
                auth.replaceAll("SignedHeaders=[^,]*, ", "")), 403, incomplete));
        cases.add(new Case("empty Signature", signedWith("Authorization", auth.replaceAll("Signature=.*",
                "Signature=")), 403, incomplete));
        cases.add(new Case("Credential of three parts", signedWith("Authorization",
                auth.replaceAll("Credential=([^/]*)/[^,]*,", "Credential=$1/x/y,")), 403, incomplete));
        cases.add(new Case("Credential scoped to another region", signedWith("Authorization",
                auth.replace("/us-east-1/", "/eu-west-1/")), 403, invalid));
        cases.add(new Case("Credential scoped to another service", signedWith("Authorization",
                auth.replace("/execute-api/", "/s3/")), 403, invalid));
        cases.add(new Case("Credential with another terminator", signedWith("Authorization",
                auth.replace("aws4_request", "aws5_request")), 403, incomplete));
        cases.add(new Case("Credential dated another day", signedWith("Authorization",
                auth.replaceAll("/\\d{8}/", "/19990101/")), 403, invalid));
        cases.add(new Case("SignedHeaders without host", signedWith("Authorization",
                auth.replaceAll("SignedHeaders=[^,]*", "SignedHeaders=x-amz-date")), 403, incomplete));
        cases.add(new Case("tampered signature", signedWith("Authorization",
                auth.substring(0, auth.length() - 4) + "0000"), 403, invalid));
        cases.add(new Case("signature of 5000 characters", signedWith("Authorization",
                auth.replaceAll("Signature=.*", "Signature=" + "ab".repeat(2500))), 403, invalid));
        cases.add(new Case("unknown access key", signedWith("Authorization",
                auth.replaceAll("Credential=[A-Z0-9]+/", "Credential=ASIAUNKNOWN000000000/")), 403,
                "UnrecognizedClientException"));
        cases.add(new Case("session token of another session", signedWith("X-Amz-Security-Token", "IQoJwrong"), 403,
                "UnrecognizedClientException"));
        cases.add(new Case("no session token", signedWith("X-Amz-Security-Token", null), 403,
                "UnrecognizedClientException"));
        cases.add(new Case("X-Amz-Date garbage", signedWith("X-Amz-Date", "yesterday"), 403, incomplete));
        cases.add(new Case("X-Amz-Date missing", signedWith("X-Amz-Date", null), 403, incomplete));
        cases.add(new Case("x-amz-content-sha256 of another body", signedWith("x-amz-content-sha256", "0".repeat(64)),
                403, invalid));
        cases.add(new Case("signed six minutes ago", List.of(signedGet("/Prod/", "/Prod/", Map.of("x-apigw-api-id",
                API_ID), client, clock.instant().minus(Duration.ofMinutes(6)))), Duration.ZERO, 403, invalid, false,
                a -> assertTrue(a.body().contains("Signature expired"), a.body())));
        cases.add(new Case("signed six minutes ahead", List.of(signedGet("/Prod/", "/Prod/", Map.of("x-apigw-api-id",
                API_ID), client, clock.instant().plus(Duration.ofMinutes(6)))), Duration.ZERO, 403, invalid, false,
                a -> assertTrue(a.body().contains("Signature not yet current"), a.body())));
        for (String query : List.of("X-Amz-Algorithm=AWS4-HMAC-SHA1", "X-Amz-Signature=abc",
                "X-Amz-Credential=x&X-Amz-Algorithm=AWS4-HMAC-SHA256",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb&X-Amz-Date=20200101T000000Z"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=00&X-Amz-Expires=abc",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb%2Fc%2Fd%2Fe&X-Amz-Date=20200101T000000Z"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=00&X-Amz-Expires=999999",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb%2Fc%2Fd%2Fe&X-Amz-Date=20200101T000000Z"
                        + "&X-Amz-SignedHeaders=host&X-Amz-Signature=00&X-Amz-Expires=-1")) {
            cases.add(new Case("presigned query " + query, "GET /Prod/?" + query + " HTTP/1.1\r\n" + h + "\r\n", 403,
                    incomplete));
        }
        cases.add(new Case("a valid request through the same listener", validGet("/Prod/"), 200, null));
        return Collections.unmodifiableList(cases);
    }

    private void assertRoutedTo(String resource, String path) {
        JsonObject event = JsonParser.parseString(lastEvent.get()).getAsJsonObject();
        assertEquals(resource, event.get("resource").getAsString());
        assertEquals(path, event.get("path").getAsString());
    }

    /** The request cut into {@code pieces} parts, sent with pauses between. */
    static List<byte[]> trickle(String request, int pieces) {
        byte[] all = bytes(request);
        List<byte[]> parts = new ArrayList<>();
        int size = (all.length + pieces - 1) / pieces;
        for (int i = 0; i < all.length; i += size) {
            parts.add(java.util.Arrays.copyOfRange(all, i, Math.min(all.length, i + size)));
        }
        return parts;
    }

    /** {@code count} chunks of {@code size} bytes each, in chunked framing, without the last chunk. */
    static byte[] chunks(int count, int size) {
        byte[] data = new byte[size];
        java.util.Arrays.fill(data, (byte) 'x');
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            out.writeBytes(bytes(Integer.toHexString(size) + "\r\n"));
            out.writeBytes(data);
            out.writeBytes(bytes("\r\n"));
        }
        return out.toByteArray();
    }
}
