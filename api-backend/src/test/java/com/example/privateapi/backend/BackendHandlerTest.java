package com.example.privateapi.backend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.exception.SdkClientException;

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

    @Test
    void aRecordThatCannotBeWrittenIsA503NamingTheRequest() {
        doThrow(SdkClientException.create("Unable to execute HTTP request: Connection refused"))
                .when(store).put(any());
        APIGatewayProxyResponseEvent response = handler.handle(Events.get("/", "/", "req-2", null));
        assertEquals(503, response.getStatusCode());
        JsonObject body = JsonParser.parseString(response.getBody()).getAsJsonObject();
        assertEquals("req-2", body.get("requestId").getAsString());
        assertTrue(body.get("message").getAsString().startsWith("Request req-2 could not be recorded"));
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
