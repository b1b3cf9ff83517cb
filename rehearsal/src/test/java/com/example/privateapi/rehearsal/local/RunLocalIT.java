package com.example.privateapi.rehearsal.local;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * run-local end to end: the real templates, the Lambda jars the build produced, the real handlers in their own
 * JVMs, dynalite, STS and the gateway; the deploy flow of deploy-all.sh and the misconfigurations users hit.
 */
class RunLocalIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Run(int exit, String out) {
        long count(String text) {
            return out.lines().filter(l -> l.startsWith(text)).count();
        }
    }

    @BeforeAll
    static void jarsAreBuilt() {
        for (String jar : List.of("api-backend/target/api-backend.jar", "api-client/target/api-client.jar")) {
            assertTrue(Files.isRegularFile(ROOT.resolve(jar)), jar + " is missing: run mvn verify from the project root");
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            int exit = new RunLocalCommand(ROOT).run(List.of(args), print, print);
            return new Run(exit, out.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void bothClientsSucceedAndTheirRequestsAreReadBack() {
        Run run = run();
        assertEquals(0, run.exit(), run.out());
        assertEquals(2, run.count("SUCCESS: "), run.out());
        assertEquals(2, run.out().lines().filter(l -> l.startsWith("    recorded ")).count(), run.out());
        assertTrue(run.out().contains("\"vpceId\":\"vpce-"), "the identity names the endpoint: " + run.out());
    }

    @Test
    void anEndpointNotInTheAllowListIsAnExplicitDenyNamingTheStatement() {
        Run run = run("--provider-param", "pAllowedVPCEndpoints=vpce-0000");
        assertEquals(1, run.exit(), run.out());
        assertEquals(2, run.count("FAILED: "), run.out());
        assertTrue(run.out().contains("is not authorized to perform: execute-api:Invoke on resource: "
                + "arn:aws:execute-api:us-east-1:222222222222:"), run.out());
        assertTrue(run.out().contains("/Prod/GET/ with an explicit deny"), run.out());
        assertTrue(run.out().contains("why (API Gateway): Explicit deny by \"resource policy of API "), run.out());
        assertTrue(run.out().contains("statement \"DenyOutsideAllowedEndpoints\""), run.out());
    }

    @Test
    void anUntrustedAccountFailsTheAssumeRoleClientWithStsAccessDeniedOnly() {
        Run run = run("--provider-param", "pTrustedPrincipals=333333333333");
        assertEquals(1, run.exit(), run.out());
        assertEquals(1, run.count("SUCCESS: "), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("SUCCESS: ") && l.contains("direct-client")));
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAILED: ") && l.contains("assume-role-client")));
        assertTrue(run.out().contains("STS refused to assume arn:aws:iam::222222222222:role/"), run.out());
        assertTrue(run.out().contains("AccessDenied: User: arn:aws:sts::111111111111:assumed-role/"), run.out());
        assertTrue(run.out().contains("why (STS): "), run.out());
    }

    @Test
    void aDirectRoleMissingFromTheResourcePolicyIsDeniedWithoutAnExplicitDeny() {
        Run run = run("--provider-param", "pAPIAccessList=arn:aws:iam::111111111111:role/someone-else");
        assertEquals(1, run.exit(), run.out());
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("FAILED: ") && l.contains("direct-client")));
        assertTrue(run.out().lines().anyMatch(l -> l.startsWith("SUCCESS: ") && l.contains("assume-role-client")));
        String answer = run.out().lines().filter(l -> l.startsWith("{\"statusCode\":403"))
                .filter(l -> l.contains("direct-client is not authorized")).findFirst().orElseThrow();
        assertTrue(answer.contains("/Prod/GET/\\\"}"), answer);
        assertTrue(!answer.contains("explicit deny"), answer);
        assertTrue(run.out().contains("Cross-account request: no statement of \"resource policy of API "), run.out());
    }

    @Test
    void bothClientsSucceedWithPrivateDnsOff() {
        Run run = run("--consumer-param", "pEnablePrivateDNS=False");
        assertEquals(0, run.exit(), run.out());
        assertEquals(2, run.count("SUCCESS: "), run.out());
    }

    @Test
    void theColdStartBenchmarkReportsEveryFunction() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            assertEquals(2, new ColdStartCommand(ROOT).run(List.of("--runs", "0"), print, print));
            int exit = new ColdStartCommand(ROOT).run(List.of("--runs", "1"), print, print);
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, exit, text);
            for (String handler : List.of("BackendHandler", "DirectAuthHandler", "AssumeRoleHandler")) {
                assertTrue(text.lines().anyMatch(l -> l.trim().startsWith(handler + " ")
                        && l.contains("on demand") && l.matches(".* \\d+ +- +- +\\d+ +\\d+ +[0-9.]+x$")), text);
            }
            assertTrue(text.lines().anyMatch(l -> l.contains("SnapStart, primed")
                    && l.matches(".* \\d+ +-?\\d+ +\\d+ +\\d+ +\\d+ +[0-9.]+x$")), text);
            assertTrue(text.lines().anyMatch(l -> l.contains("SnapStart, unprimed")), text);
            for (String client : List.of("direct", "assume-role")) {
                assertTrue(text.lines().anyMatch(l -> l.trim().startsWith(client + " ")
                        && l.matches(".* \\d+ +\\d+ ms \\(\\d+\\) +(\\d+ ms \\(\\d+\\) +[0-9.]+x|- +-)$")), text);
            }
            assertTrue(text.contains("Machine: ") && text.contains("load average before: "), text);
        }
    }

    @Test
    void badOptionsAreUsageErrors() {
        Run bad = run("--provider-param", "novalue");
        assertEquals(2, bad.exit());
        assertTrue(bad.out().contains("--provider-param takes NAME=VALUE"), bad.out());
        Run unknownParameter = run("--provider-param", "pNope=1");
        assertEquals(1, unknownParameter.exit());
        assertTrue(unknownParameter.out().contains("Parameters: [pNope] do not exist in the template"),
                unknownParameter.out());
    }

    @Test
    void serveModeWritesTheEnvironmentAndAnswersCurl(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("env");
        RunLocalCommand command = new RunLocalCommand(ROOT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
        CompletableFuture<Integer> serving = CompletableFuture.supplyAsync(() ->
                command.run(List.of("--serve", "--env-file", envFile.toString()), print, print));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!out.toString(StandardCharsets.UTF_8).contains("Press Ctrl-C") && System.nanoTime() < deadline) {
                assertTrue(!serving.isDone(), out.toString(StandardCharsets.UTF_8));
                Thread.sleep(200);
            }
            Map<String, String> env = readEnv(envFile);
            for (String name : List.of("AWS_REGION", "API_ID", "API_HOST", "API_PREFIX", "API_VPCE_ID", "API_VPCE_URL",
                    "OTHER_VPCE_URL", "STS_URL", "ROLE_TO_ASSUME", "DIRECT_CLIENT_ROLE_ARN",
                    "DIRECT_CLIENT_ACCESS_KEY_ID", "DIRECT_CLIENT_SECRET_ACCESS_KEY", "DIRECT_CLIENT_SESSION_TOKEN",
                    "ASSUME_CLIENT_ROLE_ARN", "ASSUME_CLIENT_ACCESS_KEY_ID", "ASSUME_CLIENT_SECRET_ACCESS_KEY",
                    "ASSUME_CLIENT_SESSION_TOKEN", "DYNAMODB_URL", "DDB_TABLE", "CONSUMER_ACCOUNT_ID",
                    "PROVIDER_ACCOUNT_ID")) {
                assertTrue(env.containsKey(name) && !env.get(name).isEmpty(), name + " missing: " + env.keySet());
            }
            String allowed = curl(env, env.get("API_VPCE_URL"));
            assertTrue(allowed.startsWith("200\n"), allowed);
            assertTrue(allowed.contains("\"userArn\":\"arn:aws:sts::111111111111:assumed-role/"), allowed);
            String other = curl(env, env.get("OTHER_VPCE_URL"));
            assertTrue(other.startsWith("403\n"), other);
            assertTrue(other.contains("with an explicit deny"), other);
        } finally {
            command.stop();
        }
        assertEquals(0, serving.get(60, TimeUnit.SECONDS), out.toString(StandardCharsets.UTF_8));
    }

    static Map<String, String> readEnv(Path file) throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("export ")) {
                String assignment = line.substring("export ".length());
                int eq = assignment.indexOf('=');
                env.put(assignment.substring(0, eq), assignment.substring(eq + 2, assignment.length() - 1));
            }
        }
        return env;
    }

    /** curl's own SigV4 signer, through an endpoint listener, routed by x-apigw-api-id. */
    static String curl(Map<String, String> env, String base) throws Exception {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-w", "\n%{http_code}", "--aws-sigv4",
                "aws:amz:" + env.get("AWS_REGION") + ":execute-api", "--user",
                env.get("DIRECT_CLIENT_ACCESS_KEY_ID") + ":" + env.get("DIRECT_CLIENT_SECRET_ACCESS_KEY"),
                "-H", "x-amz-security-token: " + env.get("DIRECT_CLIENT_SESSION_TOKEN"),
                "-H", "x-apigw-api-id: " + env.get("API_ID"), URI.create(base + env.get("API_PREFIX") + "/").toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        int split = output.lastIndexOf('\n');
        return output.substring(split + 1) + "\n" + output.substring(0, split);
    }
}
