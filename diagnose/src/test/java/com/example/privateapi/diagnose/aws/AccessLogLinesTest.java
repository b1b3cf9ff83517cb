package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.Denial;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lines in the access-log format of api-backend.yaml, where API Gateway writes "-" for an empty value. */
class AccessLogLinesTest {

    private final AccessLogLines lines = new AccessLogLines();

    @Test
    void aDeniedRequestIsSummarisedWithItsCallerEndpointAndErrors() {
        String line = "{\"requestId\":\"r1\",\"status\":\"403\",\"httpMethod\":\"GET\",\"path\":\"/Prod/\","
                + "\"vpceId\":\"vpce-0123\",\"userArn\":\"arn:aws:sts::111111111111:assumed-role/R/S\","
                + "\"errorMessage\":\"User: arn:aws:sts::111111111111:assumed-role/R/S is not authorized\","
                + "\"authenticateError\":\"-\",\"authorizeError\":\"Explicit deny\"}";
        Denial denial = lines.denial(1_700_000_000_000L, line).orElseThrow();
        assertEquals(Instant.ofEpochMilli(1_700_000_000_000L), denial.time());
        assertEquals("403 GET /Prod/ via vpce-0123 by arn:aws:sts::111111111111:assumed-role/R/S: User: "
                + "arn:aws:sts::111111111111:assumed-role/R/S is not authorized (authorizeError: Explicit deny)",
                denial.summary());
    }

    @Test
    void anAnonymousDenialHasDashes() {
        String line = "{\"status\":\"403\",\"httpMethod\":\"GET\",\"path\":\"/Prod/\",\"vpceId\":\"-\","
                + "\"userArn\":\"-\",\"errorMessage\":\"Forbidden\"}";
        assertEquals("403 GET /Prod/ via - by -: Forbidden", lines.denial(1L, line).orElseThrow().summary());
    }

    @Test
    void otherLinesAreNotDenials() {
        assertTrue(lines.denial(1L, "{\"status\":\"200\"}").isEmpty());
        assertTrue(lines.denial(1L, "{\"status\":\"500\",\"errorMessage\":\"Internal server error\"}").isEmpty());
        assertTrue(lines.denial(1L, "not json 403").isEmpty());
        assertTrue(lines.denial(1L, "[\"403\"]").isEmpty());
        assertTrue(lines.denial(1L, null).isEmpty());
    }
}
