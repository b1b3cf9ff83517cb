package com.example.privateapi.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Both handlers against a loopback HTTP server standing for the API. */
class HandlersTest {

    HttpServer server;
    final List<Map<String, List<String>>> seen = new CopyOnWriteArrayList<>();
    ClientConfig config;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            seen.add(Map.copyOf(exchange.getRequestHeaders()));
            byte[] body = "{\"accountId\":\"111111111111\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Map<String, String> env = ClientConfigTest.env();
        env.put("PRIVATE_DNS_ENABLED", "False");
        config = ClientConfig.fromEnvironment(env);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    SigningApiClient apiAt(URI url) {
        return new SigningApiClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(2)).build(),
                new RequestSigner("execute-api", "us-east-1", Clock.systemUTC()),
                new ApiTarget(url, ApiTarget.of(config).headers()));
    }

    URI local() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/Prod/");
    }

    @Test
    void directClientSignsForExecuteApiAndReturnsStatusAndBody() {
        DirectAuthHandler handler = new DirectAuthHandler(apiAt(local()),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDIRECT", "secret")), "fn");
        Map<String, Object> result = handler.handleRequest(Map.of(), null);
        assertEquals(200, result.get("statusCode"));
        assertEquals("{\"accountId\":\"111111111111\"}", result.get("body"));

        Map<String, List<String>> headers = seen.get(0);
        String authorization = headers.get("Authorization").get(0);
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDDIRECT/"), authorization);
        assertTrue(authorization.contains("/us-east-1/execute-api/aws4_request"), authorization);
        assertTrue(authorization.contains("x-apigw-api-id"), "the routing header is signed: " + authorization);
        assertEquals(List.of("abc123defg"), headers.get("X-apigw-api-id"));
    }

    @Test
    void assumeRoleClientCallsStsOncePerCredentialLifetime() {
        StsClient sts = mock(StsClient.class);
        when(sts.assumeRole(any(AssumeRoleRequest.class))).thenReturn(assumed(Instant.now().plusSeconds(900)));
        AssumeRoleHandler handler = new AssumeRoleHandler(config, apiAt(local()), sts);
        for (int i = 0; i < 5; i++) {
            assertEquals(200, handler.handleRequest(Map.of(), null).get("statusCode"));
        }
        verify(sts, times(1)).assumeRole(any(AssumeRoleRequest.class));
        assertTrue(seen.get(4).get("Authorization").get(0).contains("Credential=ASIAASSUMED/"));
        assertEquals(List.of("session-token"), seen.get(4).get("X-amz-security-token"));
    }

    @Test
    void credentialsNearExpiryAreRefreshed() {
        StsClient sts = mock(StsClient.class);
        when(sts.assumeRole(any(AssumeRoleRequest.class)))
                .thenReturn(assumed(Instant.now().plusSeconds(30)), assumed(Instant.now().plusSeconds(900)));
        AssumeRoleHandler handler = new AssumeRoleHandler(config, apiAt(local()), sts);
        handler.handleRequest(Map.of(), null);
        handler.handleRequest(Map.of(), null);
        handler.handleRequest(Map.of(), null);
        verify(sts, times(2)).assumeRole(any(AssumeRoleRequest.class));
    }

    @Test
    void stsRefusalSaysWhatToCheck() {
        StsClient sts = mock(StsClient.class);
        when(sts.assumeRole(any(AssumeRoleRequest.class))).thenThrow(StsException.builder().statusCode(403)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").errorMessage("User: x is not "
                        + "authorized to perform: sts:AssumeRole").build()).build());
        AssumeRoleHandler handler = new AssumeRoleHandler(config, apiAt(local()), sts);
        ClientFailure failure = assertThrows(ClientFailure.class, () -> handler.handleRequest(Map.of(), null));
        assertTrue(failure.getMessage().contains("AccessDenied"), failure.getMessage());
        assertTrue(failure.getMessage().contains("trust policy"), failure.getMessage());
        assertTrue(seen.isEmpty(), "no API call without credentials");
    }

    @Test
    void assumeRoleClientNeedsTheRole() {
        Map<String, String> env = ClientConfigTest.env();
        env.remove("ROLE_TO_ASSUME");
        ClientConfig noRole = ClientConfig.fromEnvironment(env);
        ConfigException e = assertThrows(ConfigException.class,
                () -> new AssumeRoleHandler(noRole, apiAt(local()), mock(StsClient.class)));
        assertTrue(e.getMessage().startsWith("ROLE_TO_ASSUME must be set"), e.getMessage());
    }

    @Test
    void anUnreachableApiIsAFunctionErrorNamingTheUrl() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closed + "/Prod/");
        DirectAuthHandler handler = new DirectAuthHandler(apiAt(url),
                StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDDIRECT", "secret")), "fn");
        ClientFailure failure = assertThrows(ClientFailure.class, () -> handler.handleRequest(Map.of(), null));
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

    static AssumeRoleResponse assumed(Instant expiration) {
        return AssumeRoleResponse.builder().credentials(Credentials.builder().accessKeyId("ASIAASSUMED")
                .secretAccessKey("secret").sessionToken("session-token").expiration(expiration).build()).build();
    }
}
