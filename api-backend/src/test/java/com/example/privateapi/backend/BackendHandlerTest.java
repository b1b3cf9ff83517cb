package com.example.privateapi.backend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BackendHandlerTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    final RequestStore store = mock(RequestStore.class);
    final BackendHandler handler = new BackendHandler(store, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void rootRecordsTheRequestThenAnswersTheIdentity() {
        APIGatewayProxyResponseEvent response = handler.handle(Events.get("/", "/", "req-1", null));

        assertEquals(200, response.getStatusCode());
        JsonObject identity = JsonParser.parseString(response.getBody()).getAsJsonObject();
        assertEquals("arn:aws:sts::111111111111:assumed-role/DirectClientRole/direct-client",
                identity.get("userArn").getAsString());
        assertEquals("111111111111", identity.get("accountId").getAsString());
        assertEquals("vpce-0123456789abcdef0", identity.get("vpceId").getAsString());

        ArgumentCaptor<RequestRecord> saved = ArgumentCaptor.forClass(RequestRecord.class);
        verify(store).put(saved.capture());
        RequestRecord record = saved.getValue();
        assertEquals("req-1", record.getId());
        assertEquals("AROAEXAMPLE:direct-client", record.getCaller());
        assertEquals("Prod", record.getStage());
        assertEquals("GET", record.getHttpMethod());
        assertEquals("/", record.getPath());
        assertEquals(1_700_000_000_000L, record.getRequestTime());
        assertEquals("vpce-0123456789abcdef0", record.getSourceVpce());
        assertEquals(NOW.plus(Duration.ofDays(90)).getEpochSecond(), record.getExpiresAt());
        JsonObject context = JsonParser.parseString(record.getRequestContext()).getAsJsonObject();
        assertEquals("req-1", context.get("requestId").getAsString());
        assertEquals("ASIAEXAMPLE", context.getAsJsonObject("identity").get("accessKey").getAsString());
    }

    static final String SDK_DETAIL = "SdkClientException: Unable to execute HTTP request: Connection refused "
            + "(SDK Attempt Count: 3)";

    @Test
    void aRecordThatCannotBeWrittenIsA503NamingTheRequestWithTheReasonInTheLogOnly() {
        doThrow(new RequestStoreException(RequestStoreException.Kind.UNAVAILABLE, SDK_DETAIL, null))
                .when(store).put(any());
        String[] log = new String[1];
        APIGatewayProxyResponseEvent response = capturingLog(log,
                () -> handler.handle(Events.get("/", "/", "req-2", null)));
        assertEquals(503, response.getStatusCode());
        JsonObject body = JsonParser.parseString(response.getBody()).getAsJsonObject();
        assertEquals("req-2", body.get("requestId").getAsString());
        assertEquals("Request req-2 could not be recorded: the request store is unavailable; try again",
                body.get("message").getAsString());
        assertNoInternals(response.getBody());
        JsonObject line = JsonParser.parseString(log[0].trim()).getAsJsonObject();
        assertEquals("UNAVAILABLE", line.get("storeFailure").getAsString());
        assertEquals(SDK_DETAIL, line.get("reason").getAsString());
    }

    @Test
    void aMissingTableIsA500ForTheDeploymentNotTheCaller() {
        doThrow(new RequestStoreException(RequestStoreException.Kind.MISCONFIGURED,
                "ResourceNotFoundException: Requested resource not found", null)).when(store).put(any());
        APIGatewayProxyResponseEvent response = capturingLog(new String[1],
                () -> handler.handle(Events.get("/", "/", "req-6", null)));
        assertEquals(500, response.getStatusCode());
        assertNoInternals(response.getBody());
        assertTrue(response.getBody().contains("misconfigured"), response.getBody());
    }

    @Test
    void readingWhileTheStoreIsDownIsA503AndAKeyTheStoreRefusesIsA400() {
        when(store.get("down")).thenThrow(new RequestStoreException(RequestStoreException.Kind.UNAVAILABLE,
                SDK_DETAIL, null));
        when(store.get("odd")).thenThrow(new RequestStoreException(RequestStoreException.Kind.REJECTED,
                "DynamoDbException: One or more parameter values were invalid", null));
        APIGatewayProxyResponseEvent down = capturingLog(new String[1], () -> handler.handle(
                Events.get("/requests/{requestId}", "/requests/down", "req-7", Map.of("requestId", "down"))));
        assertEquals(503, down.getStatusCode());
        assertNoInternals(down.getBody());
        APIGatewayProxyResponseEvent odd = capturingLog(new String[1], () -> handler.handle(
                Events.get("/requests/{requestId}", "/requests/odd", "req-8", Map.of("requestId", "odd"))));
        assertEquals(400, odd.getStatusCode());
        assertNoInternals(odd.getBody());
    }

    /** A request id longer than DynamoDB's 2,048-byte key limit is the caller's mistake: 400, no store call. */
    @Test
    void anIdLongerThanAKeyMayBeIsA400WithoutAStoreCall() {
        String longId = "x".repeat(2049);
        APIGatewayProxyResponseEvent response = handler.handle(Events.get("/requests/{requestId}",
                "/requests/" + longId, "req-10", Map.of("requestId", longId)));
        assertEquals(400, response.getStatusCode());
        assertTrue(response.getBody().contains("2049 bytes"), response.getBody());
        verify(store, never()).get(any());
    }

    static void assertNoInternals(String body) {
        for (String internal : new String[] {"Sdk", "SDK", "Exception", "Connection refused", "Attempt",
                "ResourceNotFound", "DynamoDb", "parameter values"}) {
            assertTrue(!body.contains(internal), "the body names " + internal + ": " + body);
        }
    }

    private static APIGatewayProxyResponseEvent capturingLog(String[] log,
                                                             java.util.function.Supplier<APIGatewayProxyResponseEvent> call) {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            return call.get();
        } finally {
            System.setOut(original);
            log[0] = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aStoredRecordIsAnsweredWithItsContextAsJson() {
        RequestRecord record = new RequestRecord();
        record.setId("req-1");
        record.setUserArn("arn:aws:sts::111111111111:assumed-role/DirectClientRole/direct-client");
        record.setRequestContext("{\"requestId\":\"req-1\"}");
        when(store.get("req-1")).thenReturn(Optional.of(record));

        APIGatewayProxyResponseEvent response = handler.handle(
                Events.get("/requests/{requestId}", "/requests/req-1", "req-9", Map.of("requestId", "req-1")));

        assertEquals(200, response.getStatusCode());
        JsonObject body = JsonParser.parseString(response.getBody()).getAsJsonObject();
        assertEquals("req-1", body.get("id").getAsString());
        assertEquals("req-1", body.getAsJsonObject("requestContext").get("requestId").getAsString());
        verify(store, never()).put(any());
    }

    @Test
    void anUnknownRecordIsAJson404() {
        when(store.get("nope")).thenReturn(Optional.empty());
        APIGatewayProxyResponseEvent response = handler.handle(
                Events.get("/requests/{requestId}", "/requests/nope", "req-3", Map.of("requestId", "nope")));
        assertEquals(404, response.getStatusCode());
        assertEquals("No request with id nope was recorded",
                JsonParser.parseString(response.getBody()).getAsJsonObject().get("message").getAsString());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
    }

    @Test
    void malformedEventsAre400sNotExceptions() {
        assertEquals(400, handler.handle(null).getStatusCode());
        assertEquals(400, handler.handle(new APIGatewayProxyRequestEvent().withPath("/"))
                .getStatusCode());
        APIGatewayProxyRequestEvent noId = Events.get("/", "/", null, null);
        assertEquals(400, handler.handle(noId).getStatusCode());
        verify(store, never()).put(any());
    }

    @Test
    void otherRoutesAndMethodsAre404s() {
        APIGatewayProxyRequestEvent post = Events.get("/", "/", "req-4", null).withHttpMethod("POST");
        assertEquals(404, handler.handle(post).getStatusCode());
        assertEquals(404, handler.handle(Events.get("/other", "/other", "req-5", null)).getStatusCode());
        verify(store, never()).put(any());
    }

    @Test
    void configNamesTheMissingVariable() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> BackendConfig.fromEnvironment(Map.of("AWS_REGION", "us-east-1")));
        assertTrue(e.getMessage().contains("TABLE_NAME"), e.getMessage());
        assertEquals(new BackendConfig("t", "us-east-1", true),
                BackendConfig.fromEnvironment(Map.of("TABLE_NAME", " t ", "AWS_REGION", "us-east-1")));
        assertEquals(new BackendConfig("t", "us-east-1", false), BackendConfig.fromEnvironment(
                Map.of("TABLE_NAME", "t", "AWS_REGION", "us-east-1", "SNAPSTART_PRIMING", "False")));
        IllegalStateException priming = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> BackendConfig.fromEnvironment(Map.of("TABLE_NAME", "t", "AWS_REGION", "us-east-1",
                        "SNAPSTART_PRIMING", "maybe")));
        assertTrue(priming.getMessage().contains("SNAPSTART_PRIMING must be True or False"), priming.getMessage());
    }

    @Test
    void theStreamHandlerReadsTheProxyEventAndWritesTheProxyAnswer() throws Exception {
        String event = "{\"resource\":\"/\",\"path\":\"/\",\"httpMethod\":\"GET\",\"isBase64Encoded\":false,"
                + "\"headers\":{\"x-amzn-vpce-id\":\"vpce-0123\"},\"requestContext\":{\"requestId\":\"req-json\","
                + "\"stage\":\"Prod\",\"requestTimeEpoch\":1700000000000,\"identity\":{\"accountId\":\"111111111111\","
                + "\"userArn\":\"arn:aws:sts::111111111111:assumed-role/R/s\",\"sourceIp\":\"10.0.0.1\"}}}";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                out, null);
        JsonObject answer = JsonParser.parseString(out.toString(
                StandardCharsets.UTF_8)).getAsJsonObject();
        assertEquals(200, answer.get("statusCode").getAsInt());
        assertEquals("application/json", answer.getAsJsonObject("headers").get("Content-Type").getAsString());
        JsonObject body = JsonParser.parseString(answer.get("body").getAsString())
                .getAsJsonObject();
        assertEquals("arn:aws:sts::111111111111:assumed-role/R/s", body.get("userArn").getAsString());
        assertEquals("vpce-0123", body.get("vpceId").getAsString());
        ArgumentCaptor<RequestRecord> record = ArgumentCaptor.forClass(RequestRecord.class);
        verify(store).put(record.capture());
        assertEquals("req-json", record.getValue().getId());
        assertEquals(1_700_000_000_000L, record.getValue().getRequestTime());
    }

    @Test
    void anEventThatIsNotJsonIsA400() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("not json".getBytes(StandardCharsets.UTF_8)),
                out, null);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("\"statusCode\":400"), out.toString());
        verify(store, never()).put(any());
    }
}
