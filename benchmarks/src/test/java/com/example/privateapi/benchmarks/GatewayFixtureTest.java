package com.example.privateapi.benchmarks;

import com.example.privateapi.rehearsal.gateway.GatewayResponse;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark measures the whole allowed path: its request is answered 200 after the event was built. */
class GatewayFixtureTest {

    @Test
    void theBenchmarkedRequestGoesAllTheWayThrough() {
        List<String> log = new CopyOnWriteArrayList<>();
        GatewayFixture fixture = new GatewayFixture(log::add);
        for (int i = 0; i < 3; i++) {
            GatewayResponse response = fixture.pipeline.handle(fixture.request);
            assertEquals(200, response.status(), new String(response.body(), StandardCharsets.UTF_8));
        }
        assertTrue(fixture.lastEvent.get().contains("\"userArn\":\"arn:aws:sts::111111111111:assumed-role/"
                + "DirectClientRole/direct-client\""), fixture.lastEvent.get());
        assertEquals(3, log.size());
        assertTrue(log.get(0).contains("\"status\":\"200\""), log.get(0));
    }
}
