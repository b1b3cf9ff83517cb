package com.example.privateapi.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both handlers against loopback servers standing for the API and for STS. */
class HandlersTest {

    static final JvmTls TLS = JvmTls.load();

    LocalServers servers;
    SdkHttpClient http;

    @BeforeEach
    void start() throws IOException {
        servers = new LocalServers();
        http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterEach
    void stop() {
        servers.close();
        http.close();
    }

    ClientConfig config(boolean priming) {
        Map<String, String> env = ClientConfigTest.env();
        env.put("PRIVATE_DNS_ENABLED", "False");
        env.put("AWS_ENDPOINT_URL_STS", servers.stsUrl().toString());
        env.put("SNAPSTART_PRIMING", priming ? "True" : "False");
        return ClientConfig.fromEnvironment(env);
    }

    SigningApiClient apiAt(URI url) {
        return new SigningApiClient(http, new RequestSigner("execute-api", "us-east-1", Clock.systemUTC()),
                new ApiTarget(url, ApiTarget.of(config(false)).headers()));
    }

    static RenewableCredentials own(String accessKey) {
        return new RenewableCredentials(() -> StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKey, "secret")));
    }

    DirectAuthHandler direct(URI url) {
        return new DirectAuthHandler(apiAt(url), own("AKIDDIRECT"), TLS, false, "fn");
    }

    AssumeRoleHandler assumeRole(Clock clock) {
        return new AssumeRoleHandler(config(false), apiAt(servers.apiUrl()), http, TLS, own("AKIDCLIENTROLE"),
                clock);
    }

    @Test
    void directClientSignsForExecuteApiAndReturnsStatusAndBody() {
        ApiResponse result = direct(servers.apiUrl()).call();
        assertEquals(200, result.statusCode());
        assertEquals("{\"accountId\":\"111111111111\"}", result.body());

        LocalServers.Seen request = servers.api.get(0);
        String authorization = request.header("Authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDDIRECT/"), authorization);
        assertTrue(authorization.contains("/us-east-1/execute-api/aws4_request"), authorization);
        assertTrue(authorization.contains("x-apigw-api-id"), "the routing header is signed: " + authorization);
        assertEquals("abc123defg", request.header("X-apigw-api-id"));
    }

    @Test
    void theFunctionAnswersStatusAndBodyAsJson() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        direct(servers.apiUrl()).handleRequest(new ByteArrayInputStream("{\"ignored\":true}".getBytes(
                StandardCharsets.UTF_8)), out, null);
        assertEquals("{\"statusCode\":200,\"body\":\"{\\\"accountId\\\":\\\"111111111111\\\"}\"}",
                out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void assumeRoleClientCallsStsOncePerCredentialLifetime() {
        AssumeRoleHandler handler = assumeRole(Clock.systemUTC());
        for (int i = 0; i < 5; i++) {
            assertEquals(200, handler.call().statusCode());
        }
        assertEquals(1, servers.sts.size(), "one AssumeRole for five calls");
        LocalServers.Seen assume = servers.sts.get(0);
        assertTrue(assume.body().contains("Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A222222222222"
                + "%3Arole%2Fprivate-api-backend-APIAccessRole-X1&RoleSessionName=private-api-client-AssumeRoleClient"
                + "&DurationSeconds=900"), assume.body());
        assertTrue(assume.header("Authorization").contains("Credential=AKIDCLIENTROLE/"),
                "STS is asked with the function's own role");
        assertTrue(assume.header("Authorization").contains("/us-east-1/sts/aws4_request"));
        assertEquals(List.of("ASIAASSUMED1"), LocalServers.signers(servers.api).stream().distinct().toList());
        assertEquals("session-token-1", servers.api.get(4).header("X-amz-security-token"));
    }

    @Test
    void credentialsNearExpiryAreRefreshed() {
        servers.answerSts(() -> servers.assumed(Instant.now().plusSeconds(30)));
        AssumeRoleHandler handler = assumeRole(Clock.systemUTC());
        handler.call();
        handler.call();
        assertEquals(2, servers.sts.size(), "credentials inside their last minute are not used");
        assertEquals(List.of("ASIAASSUMED1", "ASIAASSUMED2"), LocalServers.signers(servers.api));
    }

    @Test
    void stsRefusalSaysWhatToCheck() {
        servers.answerSts(() -> LocalServers.refused("AccessDenied",
                "User: x is not authorized to perform: sts:AssumeRole on resource: y &amp; z"));
        AssumeRoleHandler handler = assumeRole(Clock.systemUTC());
        ClientFailure failure = assertThrows(ClientFailure.class, handler::call);
        assertTrue(failure.getMessage().contains("AccessDenied: User: x is not authorized to perform: sts:AssumeRole "
                + "on resource: y & z"), failure.getMessage());
        assertTrue(failure.getMessage().contains("trust policy"), failure.getMessage());
        assertEquals(1, servers.sts.size(), "a refusal is not retried");
        assertTrue(servers.api.isEmpty(), "no API call without credentials");
    }

    @Test
    void throttlingIsRetriedThenSucceeds() {
        int[] calls = {0};
        servers.answerSts(() -> ++calls[0] == 1 ? new LocalServers.Answer(400, "<ErrorResponse><Error><Code>"
                + "Throttling</Code><Message>Rate exceeded</Message></Error></ErrorResponse>")
                : servers.assumed(Instant.now().plusSeconds(900)));
        assertEquals(200, assumeRole(Clock.systemUTC()).call().statusCode());
        assertEquals(2, servers.sts.size());
    }

    @Test
    void unreachableStsNamesTheEndpoint() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Map<String, String> env = ClientConfigTest.env();
        env.put("PRIVATE_DNS_ENABLED", "False");
        env.put("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:" + closed);
        AssumeRoleHandler handler = new AssumeRoleHandler(ClientConfig.fromEnvironment(env), apiAt(servers.apiUrl()),
                http, TLS, own("AKIDCLIENTROLE"), Clock.systemUTC());
        ClientFailure failure = assertThrows(ClientFailure.class, handler::call);
        assertTrue(failure.getMessage().startsWith("Could not reach STS at http://127.0.0.1:" + closed),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("STS VPC endpoint"), failure.getMessage());
    }

    @Test
    void assumeRoleClientNeedsTheRole() {
        Map<String, String> env = ClientConfigTest.env();
        env.remove("ROLE_TO_ASSUME");
        ClientConfig noRole = ClientConfig.fromEnvironment(env);
        ConfigException e = assertThrows(ConfigException.class, () -> new AssumeRoleHandler(noRole,
                apiAt(servers.apiUrl()), http, TLS, own("AKIDCLIENTROLE"), Clock.systemUTC()));
        assertTrue(e.getMessage().startsWith("ROLE_TO_ASSUME must be set"), e.getMessage());
    }

    @Test
    void anUnreachableApiIsAFunctionErrorNamingTheUrl() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closed + "/Prod/");
        ClientFailure failure = assertThrows(ClientFailure.class, () -> direct(url).call());
        assertTrue(failure.getMessage().startsWith("Could not reach the API at " + url), failure.getMessage());
        assertTrue(failure.getMessage().contains("security group"), failure.getMessage());
    }

    @Test
    void sessionNamesFollowStsRules() {
        assertEquals("private-api-client-Fn", AssumeRoleHandler.sessionName("private-api-client-Fn"));
        assertEquals("a-b", AssumeRoleHandler.sessionName("a:b"));
        assertEquals(64, AssumeRoleHandler.sessionName("x".repeat(100)).length());
        assertEquals("private-api-client", AssumeRoleHandler.sessionName(null));
    }
}
