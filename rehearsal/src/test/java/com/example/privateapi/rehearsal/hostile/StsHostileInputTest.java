package com.example.privateapi.rehearsal.hostile;

import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.iam.PolicyKind;
import com.example.privateapi.rehearsal.http.HttpLimits;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.Role;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.sts.StsServer;
import com.example.privateapi.rehearsal.testing.MutableClock;
import com.example.privateapi.rehearsal.testing.RawHttp;
import com.example.privateapi.rehearsal.testing.RawSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.example.privateapi.rehearsal.testing.RawHttp.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Malformed, oversized and slow requests against the rehearsal's STS over real sockets. Each must get STS's XML
 * error with its status and code, no Java class or stack trace in the body, and leave STS answering the next valid
 * signed call. Codes and statuses: AWS STS API Reference, "Common Errors" (InvalidQueryParameter 400, MissingAction
 * 400, InvalidAction 400, IncompleteSignature 400, InvalidClientTokenId 403, MissingAuthenticationToken 403,
 * ValidationError 400) and AssumeRole's own errors.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StsHostileInputTest {

    static final String REGION = "us-east-1";
    static final String CONSUMER = "111111111111";
    static final String PROVIDER = "222222222222";
    static final String ROLE_ARN = "arn:aws:iam::" + PROVIDER + ":role/ApiAccessRole";
    static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");
    static final Duration SHORT = Duration.ofMillis(800);

    record Case(String name, List<byte[]> parts, Duration pause, int status, String code) {

        Case(String name, byte[] request, int status, String code) {
            this(name, List.of(request), Duration.ZERO, status, code);
        }

        Case(String name, String request, int status, String code) {
            this(name, bytes(request), status, code);
        }
    }

    final MutableClock clock = new MutableClock(Instant.now());
    final IdentityStore identities = new IdentityStore(clock);
    StsServer sts;
    URI url;
    String host;
    Credentials caller;

    @BeforeAll
    void start() throws IOException {
        identities.putRole(new Role(ROLE_ARN, "AROAAPIACCESSROLE001", Policy.parse("trust",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                        + CONSUMER + "\"},\"Action\":\"sts:AssumeRole\"}]}", PolicyKind.TRUST), List.of(),
                Duration.ofHours(1)));
        caller = identities.createUser(CONSUMER, "client", List.of(Policy.parse("may assume",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                        + "\"Resource\":\"" + ROLE_ARN + "\"}]}", PolicyKind.IDENTITY)));
        sts = new StsServer(identities, new SigV4Verifier(identities, clock), new PolicyEvaluator(), REGION,
                denial -> { }, HttpLimits.sts().withTimeouts(SHORT, SHORT, Duration.ofSeconds(2)));
        url = sts.start();
        host = "127.0.0.1:" + url.getPort();
    }

    @AfterAll
    void stop() {
        sts.close();
    }

    @TestFactory
    Stream<DynamicTest> everyHostileRequestGetsStsErrorAndStsKeepsServing() {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 60, "only " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private void check(Case c) throws IOException {
        RawHttp.Answer answer = RawHttp.exchange(url, c.parts(), c.pause(), Duration.ofSeconds(15), false);
        assertEquals(c.status(), answer.status(), c.name() + ": " + answer.body());
        if (c.code() != null) {
            Matcher code = CODE.matcher(answer.body());
            assertTrue(code.find(), c.name() + ": no error code in " + answer.body());
            assertEquals(c.code(), code.group(1), c.name() + ": " + answer.body());
        }
        assertTrue(answer.header("x-amzn-RequestId") != null, c.name() + " has no x-amzn-RequestId");
        assertNull(BodyLeaks.find(answer.body()), c.name() + " leaks in its body: " + answer.body());
        RawHttp.Answer valid = RawHttp.exchange(url, signedPost("Action=GetCallerIdentity&Version=2011-06-15"));
        assertEquals(200, valid.status(), "after " + c.name() + ", a valid call got: " + valid.body());
    }

    /** Four (or forty) slow connections used to stop STS answering: now each holds only its own thread. */
    @Test
    void slowConnectionsDoNotStopStsAnswering() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket(url.getHost(), url.getPort());
                s.getOutputStream().write(bytes("POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 100\r\n\r\nA"));
                slow.add(s);
            }
            for (int i = 0; i < 5; i++) {
                assertEquals(200, RawHttp.exchange(url, signedPost("Action=GetCallerIdentity&Version=2011-06-15"))
                        .status());
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private byte[] signedPost(String form) {
        return signedPost(form, Map.of(), clock.instant());
    }

    private byte[] signedPost(String form, Map<String, String> extra, Instant at) {
        byte[] body = form.getBytes(StandardCharsets.ISO_8859_1);
        Map<String, String> headers = new java.util.HashMap<>(extra);
        headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        Map<String, List<String>> fields = RawSigner.sign("POST", URI.create("http://" + host + "/"), headers, body,
                caller, "sts", REGION, at);
        fields.put("Content-Length", List.of(Integer.toString(body.length)));
        byte[] head = bytes("POST / HTTP/1.1\r\n" + RawHttp.fields(fields) + "\r\n");
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return all;
    }

    private byte[] signedGet(String query) {
        Map<String, List<String>> fields = RawSigner.sign("GET", URI.create("http://" + host + "/?" + query),
                Map.of(), new byte[0], caller, "sts", REGION, clock.instant());
        return bytes("GET /?" + query + " HTTP/1.1\r\n" + RawHttp.fields(fields) + "\r\n");
    }

    private static String unsignedPost(String host, String form) {
        return "POST / HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + form.length() + "\r\n\r\n" + form;
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        String assume = "Action=AssumeRole&Version=2011-06-15&RoleSessionName=me&RoleArn=" + ROLE_ARN;
        String validation = "ValidationError";
        String query = "InvalidQueryParameter";

        // Forms that do not decode: 400 InvalidQueryParameter, never a 500.
        for (String form : List.of("x=%", "RoleArn=%zz", "Action=%", "%=1", "a=%2", "Action=GetCallerIdentity&x=%",
                "Action=AssumeRole&RoleSessionName=%G1", "%%", "a=%%20", "x=%u0041")) {
            cases.add(new Case("signed form '" + form + "'", signedPost(form), 400, query));
            cases.add(new Case("unsigned form '" + form + "'", unsignedPost(host, form), 400, query));
        }
        for (String q : List.of("x=%", "Action=%zz", "a=%2")) {
            cases.add(new Case("query '" + q + "'", "GET /?" + q + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n", 400,
                    query));
        }
        // Actions.
        cases.add(new Case("no Action", signedPost("Version=2011-06-15"), 400, "MissingAction"));
        cases.add(new Case("empty Action", signedPost("Action=&Version=2011-06-15"), 400, "MissingAction"));
        cases.add(new Case("unknown Action", signedPost("Action=DeleteEverything"), 400, "InvalidAction"));
        cases.add(new Case("Action of invalid UTF-8", signedPost("Action=%FF%FE"), 400, "InvalidAction"));
        cases.add(new Case("Action of 10000 characters", signedPost("Action=" + "A".repeat(10_000)), 400,
                "InvalidAction"));
        cases.add(new Case("a form that is not form-encoded", signedPost("Action=GetCallerIdentity",
                Map.of("Content-Type", "application/json"), clock.instant()), 400, "MissingAction"));
        cases.add(new Case("GetCallerIdentity by GET", signedGet("Action=GetCallerIdentity&Version=2011-06-15"),
                200, null));
        // AssumeRole's inputs.
        cases.add(new Case("AssumeRole without RoleArn", signedPost("Action=AssumeRole&RoleSessionName=me"), 400,
                validation));
        cases.add(new Case("AssumeRole without RoleSessionName", signedPost("Action=AssumeRole&RoleArn=" + ROLE_ARN),
                400, validation));
        for (String session : List.of("a", "x".repeat(65), "has space", "semi;colon", "slash/", "%00", "%E2%98%83")) {
            cases.add(new Case("RoleSessionName '" + session + "'", signedPost("Action=AssumeRole&RoleArn=" + ROLE_ARN
                    + "&RoleSessionName=" + session.replace(" ", "+")), 400, validation));
        }
        for (String arn : List.of("nonsense", "arn:aws:iam::12:role/x", "arn:aws:iam::222222222222:user/x",
                "arn:aws:iam::222222222222:role/", "arn:aws:s3:::bucket", "")) {
            cases.add(new Case("RoleArn '" + arn + "'", signedPost("Action=AssumeRole&RoleSessionName=me&RoleArn="
                    + arn), 400, validation));
        }
        for (String duration : List.of("abc", "899", "43201", "-1", "1e5", "99999999999999999999", "", "0x384")) {
            cases.add(new Case("DurationSeconds '" + duration + "'", signedPost(assume + "&DurationSeconds="
                    + duration), 400, validation));
        }
        cases.add(new Case("DurationSeconds beyond the role's maximum", signedPost(assume + "&DurationSeconds=7200"),
                400, validation));
        cases.add(new Case("a role that does not exist", signedPost("Action=AssumeRole&RoleSessionName=me&RoleArn="
                + "arn:aws:iam::" + PROVIDER + ":role/Nope"), 403, "AccessDenied"));
        cases.add(new Case("AssumeRole", signedPost(assume), 200, null));
        // Signatures.
        cases.add(new Case("unsigned", unsignedPost(host, "Action=GetCallerIdentity"), 403,
                "MissingAuthenticationToken"));
        cases.add(new Case("Authorization garbage", withField(signedPost("Action=GetCallerIdentity"),
                "Authorization", "garbage"), 400, "IncompleteSignature"));
        cases.add(new Case("unknown access key", withField(signedPost("Action=GetCallerIdentity"), "Authorization",
                authorizationOf(signedPost("Action=GetCallerIdentity")).replaceAll("Credential=[A-Z0-9]+/",
                        "Credential=AKIAUNKNOWN000000000/")), 403, "InvalidClientTokenId"));
        cases.add(new Case("signature of another body", withBody(signedPost("Action=GetCallerIdentity"),
                "Action=GetCallerIdentitx"), 403, "SignatureDoesNotMatch"));
        cases.add(new Case("signed an hour ago", signedPost("Action=GetCallerIdentity", Map.of(),
                clock.instant().minus(Duration.ofHours(1))), 403, "SignatureDoesNotMatch"));
        cases.add(new Case("Credential scoped to execute-api", withField(signedPost("Action=GetCallerIdentity"),
                "Authorization", authorizationOf(signedPost("Action=GetCallerIdentity")).replace("/sts/",
                        "/execute-api/")), 403, "SignatureDoesNotMatch"));
        // Sizes.
        cases.add(new Case("body of 50 MB declared", "POST / HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Length: 52428800\r\n\r\n", 413, "RequestEntityTooLarge"));
        cases.add(new Case("body of 100 KB sent", unsignedPost(host, "Action=GetCallerIdentity&x="
                + "a".repeat(100_000)), 413, "RequestEntityTooLarge"));
        cases.add(new Case("chunked body of 1 MB", List.of(bytes("POST / HTTP/1.1\r\nHost: " + host
                + "\r\nTransfer-Encoding: chunked\r\n\r\n"), GatewayHostileInputTest.chunks(16, 65_536)),
                Duration.ZERO, 413, "RequestEntityTooLarge"));
        cases.add(new Case("header of 1 MB", "POST / HTTP/1.1\r\nHost: " + host + "\r\nX-Big: "
                + "b".repeat(1 << 20) + "\r\n\r\n", 431, "RequestHeaderFieldsTooLarge"));
        cases.add(new Case("5000 header fields", "POST / HTTP/1.1\r\nHost: " + host + "\r\n"
                + "X-A: b\r\n".repeat(5000) + "\r\n", 431, "RequestHeaderFieldsTooLarge"));
        cases.add(new Case("URL of 1 MB", "GET /?Action=" + "a".repeat(1 << 20) + " HTTP/1.1\r\nHost: " + host
                + "\r\n\r\n", 414, "RequestURITooLong"));
        // HTTP itself.
        cases.add(new Case("garbage", "HELLO\r\n\r\n", 400, "BadRequest"));
        cases.add(new Case("HTTP/2.0", "POST / HTTP/2.0\r\nHost: " + host + "\r\n\r\n", 505,
                "HTTPVersionNotSupported"));
        cases.add(new Case("no Host", "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n", 400, "BadRequest"));
        cases.add(new Case("obsolete folding", "POST / HTTP/1.1\r\nHost: " + host + "\r\nX: a\r\n b\r\n\r\n", 400,
                "BadRequest"));
        cases.add(new Case("Transfer-Encoding gzip", "POST / HTTP/1.1\r\nHost: " + host
                + "\r\nTransfer-Encoding: gzip\r\n\r\n", 501, "NotImplemented"));
        cases.add(new Case("both framings", "POST / HTTP/1.1\r\nHost: " + host
                + "\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n", 400, "BadRequest"));
        cases.add(new Case("an unknown expectation", "POST / HTTP/1.1\r\nHost: " + host
                + "\r\nExpect: nothing\r\nContent-Length: 1\r\n\r\nx", 417, "ExpectationFailed"));
        cases.add(new Case("bare LF request", "POST / HTTP/1.1\nHost: " + host
                + "\nContent-Type: application/x-www-form-urlencoded\nContent-Length: 24\n\nAction=GetCallerIdentity",
                403, "MissingAuthenticationToken"));
        cases.add(new Case("a body that never ends", "POST / HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Length: 100\r\n\r\nAction=", 408, "RequestTimeout"));
        cases.add(new Case("fields that never end", "POST / HTTP/1.1\r\nHost: " + host + "\r\n", 408,
                "RequestTimeout"));
        cases.add(new Case("a trickled request", GatewayHostileInputTest.trickle(unsignedPost(host,
                "Action=GetCallerIdentity"), 6), Duration.ofMillis(250), 408, "RequestTimeout"));
        return cases;
    }

    private static String authorizationOf(byte[] request) {
        Matcher m = Pattern.compile("(?m)^authorization: ([^\r\n]*)").matcher(new String(request,
                StandardCharsets.ISO_8859_1));
        assertTrue(m.find());
        return m.group(1);
    }

    private static byte[] withField(byte[] request, String name, String value) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return bytes(text.replaceFirst("(?mi)^" + name + ": [^\r\n]*", java.util.regex.Matcher.quoteReplacement(
                name.toLowerCase(java.util.Locale.ROOT) + ": " + value)));
    }

    private static byte[] withBody(byte[] request, String body) {
        String text = new String(request, StandardCharsets.ISO_8859_1);
        return bytes(text.substring(0, text.indexOf("\r\n\r\n") + 4) + body);
    }
}
