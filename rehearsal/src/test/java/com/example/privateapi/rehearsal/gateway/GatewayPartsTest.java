package com.example.privateapi.rehearsal.gateway;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GatewayPartsTest {

    @Test
    void accessLogFormatSubstitutesContextVariablesAndKeepsJsonValid() {
        AccessLogFormatter formatter = new AccessLogFormatter(
                "{\"id\":\"$context.requestId\",\"err\":\"$context.error.message\",\"vpce\":\"$context.identity.vpceId\"}");
        String line = formatter.render(Map.of("requestId", "r-1", "error.message", "say \"no\""));
        var json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals("r-1", json.get("id").getAsString());
        assertEquals("say \"no\"", json.get("err").getAsString());
        assertEquals("-", json.get("vpce").getAsString());
    }

    @Test
    void missingFormatFallsBackToTheDefaultJsonFormat() {
        String line = new AccessLogFormatter(null).render(Map.of("requestId", "r-2", "status", "403"));
        var json = JsonParser.parseString(line).getAsJsonObject();
        assertEquals("r-2", json.get("requestId").getAsString());
        assertEquals("403", json.get("status").getAsString());
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
