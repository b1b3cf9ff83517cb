package com.example.privateapi.rehearsal.sigv4;

import com.example.privateapi.iam.Principal;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official SigV4 vectors: every signed request is accepted at its own time with its own credentials, and
 * every mutation of a signed part is refused.
 */
class SigV4SuiteTest {

    /** A suite case: the signed request as on the wire, and its context. */
    record Case(String name, SignedRequest request, JsonObject context) {
    }

    static Path suiteDir() {
        return Path.of(System.getProperty("shared.dir", "../../shared")).resolve("sigv4-test-suite").resolve("v4");
    }

    private static final java.util.concurrent.atomic.AtomicBoolean TOLD = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Where ../shared is absent, one test per suite check that reports itself skipped and says why, rather than
     * nothing; the reason is printed once.
     */
    static Stream<DynamicTest> skippedWithoutTheSuite() {
        String why = "SKIPPED: the SigV4 test suite (AWS's aws-sig-v4-test-suite) is not at "
                + suiteDir().toAbsolutePath().normalize() + ": CI puts it in ../shared beside the project";
        if (!TOLD.getAndSet(true)) {
            System.out.println(why);
        }
        return Stream.of(DynamicTest.dynamicTest("SigV4 test suite", () -> Assumptions.abort(why)));
    }

    @TestFactory
    Stream<DynamicTest> acceptsEveryHeaderSignedRequest() throws IOException {
        if (!Files.isDirectory(suiteDir())) {
            return skippedWithoutTheSuite();
        }
        return cases("header-signed-request.txt").map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            VerificationResult result = verifier(c).verify(c.request(), service(c), region(c), normalize(c));
            assertInstanceOf(VerificationResult.Verified.class, result, () -> c.name() + ": " + result);
        }));
    }

    @TestFactory
    Stream<DynamicTest> acceptsEveryQuerySignedRequest() throws IOException {
        if (!Files.isDirectory(suiteDir())) {
            return skippedWithoutTheSuite();
        }
        return cases("query-signed-request.txt").map(c -> DynamicTest.dynamicTest(c.name(), () -> {
            VerificationResult result = verifier(c).verify(c.request(), service(c), region(c), normalize(c));
            assertInstanceOf(VerificationResult.Verified.class, result, () -> c.name() + ": " + result);
        }));
    }

    @TestFactory
    Stream<DynamicTest> rejectsEveryMutationOfASignedPart() throws IOException {
        if (!Files.isDirectory(suiteDir())) {
            return skippedWithoutTheSuite();
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases("header-signed-request.txt").toList()) {
            SignedRequest r = c.request();
            Map<String, UnaryOperator<SignedRequest>> mutations = new LinkedHashMap<>();
            mutations.put("method", m -> new SignedRequest(m.method().equals("GET") ? "POST" : "GET", m.rawPath(),
                    m.rawQuery(), m.headers(), m.body()));
            mutations.put("path", m -> new SignedRequest(m.method(), m.rawPath() + "x", m.rawQuery(), m.headers(),
                    m.body()));
            mutations.put("query", m -> new SignedRequest(m.method(), m.rawPath(),
                    m.rawQuery() == null ? "extra=1" : m.rawQuery() + "&extra=1", m.headers(), m.body()));
            String authorization = r.header("authorization");
            String signedHeaders = authorization.replaceAll(".*SignedHeaders=([^,]*).*", "$1");
            for (String header : signedHeaders.split(";")) {
                mutations.put("header " + header, m -> withHeader(m, header, m.header(header) + "0"));
            }
            mutations.put("scope date", m -> withHeader(m, "authorization",
                    authorization.replaceFirst("/(\\d{8})/", "/19990101/")));
            mutations.put("scope region", m -> withHeader(m, "authorization",
                    authorization.replaceFirst("/" + region(c) + "/", "/eu-west-3/")));
            mutations.put("scope service", m -> withHeader(m, "authorization",
                    authorization.replaceFirst("/" + service(c) + "/", "/other/")));
            mutations.put("signature", m -> withHeader(m, "authorization", flipLast(authorization)));
            if (r.body().length > 0) {
                mutations.put("body", m -> new SignedRequest(m.method(), m.rawPath(), m.rawQuery(), m.headers(),
                        (new String(m.body(), StandardCharsets.UTF_8) + "x").getBytes(StandardCharsets.UTF_8)));
            }
            mutations.forEach((what, mutation) -> tests.add(DynamicTest.dynamicTest(c.name() + " / " + what, () -> {
                VerificationResult result = verifier(c).verify(mutation.apply(r), service(c), region(c),
                        normalize(c));
                assertInstanceOf(VerificationResult.Rejected.class, result, () -> what + " was accepted");
            })));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> staleOrFutureDatesAreRefusedWithAwsWording() throws IOException {
        if (!Files.isDirectory(suiteDir())) {
            return skippedWithoutTheSuite();
        }
        Case c = cases("header-signed-request.txt").filter(k -> k.name().equals("get-vanilla")).findFirst()
                .orElseThrow();
        Instant signed = Instant.parse(c.context().get("timestamp").getAsString());
        return Stream.of(
                DynamicTest.dynamicTest("6 minutes later", () -> {
                    var result = (VerificationResult.Rejected) verifierAt(c, signed.plusSeconds(360))
                            .verify(c.request(), service(c), region(c));
                    assertEquals(RejectReason.INVALID_SIGNATURE, result.reason());
                    assertEquals("Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z "
                            + "(20150830T124200Z - 5 min.)", result.message());
                }),
                DynamicTest.dynamicTest("6 minutes earlier", () -> {
                    var result = (VerificationResult.Rejected) verifierAt(c, signed.minusSeconds(360))
                            .verify(c.request(), service(c), region(c));
                    assertEquals(RejectReason.INVALID_SIGNATURE, result.reason());
                    assertEquals("Signature not yet current: 20150830T123600Z is still later than "
                            + "20150830T123500Z (20150830T123000Z + 5 min.)", result.message());
                }),
                DynamicTest.dynamicTest("4 minutes either way is fine", () -> {
                    assertInstanceOf(VerificationResult.Verified.class, verifierAt(c, signed.plusSeconds(240))
                            .verify(c.request(), service(c), region(c)));
                    assertInstanceOf(VerificationResult.Verified.class, verifierAt(c, signed.minusSeconds(240))
                            .verify(c.request(), service(c), region(c)));
                }));
    }

    static SignedRequest withHeader(SignedRequest r, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(r.headers());
        headers.put(name, List.of(value));
        return new SignedRequest(r.method(), r.rawPath(), r.rawQuery(), headers, r.body());
    }

    static String flipLast(String s) {
        char last = s.charAt(s.length() - 1);
        return s.substring(0, s.length() - 1) + (last == '0' ? '1' : '0');
    }

    static String service(Case c) {
        return c.context().get("service").getAsString();
    }

    static String region(Case c) {
        return c.context().get("region").getAsString();
    }

    static boolean normalize(Case c) {
        return !c.context().has("normalize") || c.context().get("normalize").getAsBoolean();
    }

    static SigV4Verifier verifier(Case c) {
        return verifierAt(c, Instant.parse(c.context().get("timestamp").getAsString()));
    }

    static SigV4Verifier verifierAt(Case c, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        IdentityStore store = new IdentityStore(clock);
        JsonObject creds = c.context().getAsJsonObject("credentials");
        String token = creds.has("token") ? creds.get("token").getAsString() : null;
        Principal principal = new Principal("arn:aws:iam::123456789012:user/suite", "123456789012", "AIDASUITE", null);
        store.registerKeys(new Credentials(creds.get("access_key_id").getAsString(),
                creds.get("secret_access_key").getAsString(), token, token == null ? null : now.plusSeconds(3600),
                principal), List.of());
        return new SigV4Verifier(store, clock);
    }

    static Stream<Case> cases(String file) throws IOException {
        Path suite = suiteDir();
        List<Case> cases = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(suite)) {
            for (Path dir : dirs.sorted().toList()) {
                Path signed = dir.resolve(file);
                if (Files.isRegularFile(signed)) {
                    JsonObject context = JsonParser.parseString(Files.readString(dir.resolve("context.json")))
                            .getAsJsonObject();
                    cases.add(new Case(dir.getFileName().toString(), parse(Files.readString(signed)), context));
                }
            }
        }
        assertTrue(cases.size() >= 30, "expected the whole suite, found " + cases.size() + " cases");
        return cases.stream();
    }

    /** Parses a raw HTTP/1.1 request of the suite: folded header lines are further values of their header. */
    static SignedRequest parse(String text) {
        int split = text.indexOf("\n\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 2);
        String[] lines = head.split("\n");
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(requestLine.indexOf(' ') + 1, requestLine.lastIndexOf(" HTTP/"));
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? null : target.substring(q + 1);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String last = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (!line.isEmpty() && Character.isWhitespace(line.charAt(0)) && last != null) {
                List<String> values = headers.get(last);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            last = line.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            headers.computeIfAbsent(last, k -> new ArrayList<>()).add(line.substring(colon + 1));
        }
        return new SignedRequest(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
