package com.example.privateapi.rehearsal.gateway;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayPartsTest {

    @Test
    void accessLogFormatSubstitutesContextVariablesAndKeepsJsonValid() {
        AccessLogFormatter formatter = AccessLogFormatter.of(
                "{\"id\":\"$context.requestId\",\"err\":\"$context.error.message\",\"vpce\":\"$context.identity.vpceId\"}");
        String line = formatter.render(entry("r-1", new GatewayError(403, null, "say \"no\"", "message"), 403));
        var json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals("r-1", json.get("id").getAsString());
        assertEquals("say \"no\"", json.get("err").getAsString());
        assertEquals("-", json.get("vpce").getAsString());
    }

    @Test
    void missingFormatFallsBackToTheDefaultJsonFormat() {
        String line = AccessLogFormatter.of(null).render(entry("r-2", GatewayError.forbidden(), 403));
        var json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals("r-2", json.get("requestId").getAsString());
        assertEquals("403", json.get("status").getAsString());
        assertEquals("-", json.get("userArn").getAsString());
    }

    private static AccessLogEntry entry(String requestId, GatewayError error, int status) {
        return new AccessLogEntry(new RequestIds(requestId, "x=", "Root=1-0-0"), Instant.EPOCH, null, null, null,
                null, IntegrationCall.NOT_CALLED, error, null, status, 0, 1);
    }

    @Test
    void proxyResponsesMapStatusHeadersAndBody() throws Exception {
        var mapped = new ProxyResponseMapper().map("{\"statusCode\":201,\"headers\":{\"A\":\"1\"},"
                + "\"multiValueHeaders\":{\"A\":[\"2\"]},\"body\":\"hi\"}");
        assertEquals(201, mapped.status());
        assertEquals(List.of("1", "2"), mapped.headers().get("A"));
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), mapped.body());

        var binary = new ProxyResponseMapper().map("{\"statusCode\":\"200\",\"body\":\"aGk=\",\"isBase64Encoded\":true}");
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), binary.body());
    }

    @Test
    void malformedProxyResponsesAreIntegrationFailures() {
        ProxyResponseMapper mapper = new ProxyResponseMapper();
        for (String payload : List.of("\"just a string\"", "not json", "{\"body\":\"no status\"}",
                "{\"statusCode\":42}", "{\"statusCode\":200,\"body\":\"%%\",\"isBase64Encoded\":true}")) {
            var e = assertThrows(ProxyResponseMapper.MalformedResponseException.class, () -> mapper.map(payload));
            assertTrue(e.getMessage().startsWith("Execution failed due to configuration error: "
                    + "Malformed Lambda proxy response"), e.getMessage());
        }
    }
}
