package com.example.privateapi.rehearsal.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RouterTest {

    private final Router router = new Router("us-east-1");
    private final ApiDefinition api = new ApiDefinition("abc123defg", "222222222222", "Prod", List.of(
            new Route("GET", "/", fn("backend"), null),
            new Route("GET", "/requests/{requestId}", fn("backend"), null),
            new Route("GET", "/requests/latest", fn("latest"), null),
            new Route("ANY", "/files/{proxy+}", fn("files"), null)), null, null);

    private static String fn(String name) {
        return "arn:aws:lambda:us-east-1:222222222222:function:" + name;
    }

    @Test
    void apiIdComesFromTheHeaderBeforeTheHost() {
        assertEquals("fromheader", router.apiId("abc123defg.execute-api.us-east-1.amazonaws.com", "fromheader")
                .orElseThrow());
        assertEquals("abc123defg", router.apiId("abc123defg.execute-api.us-east-1.amazonaws.com:443", null)
                .orElseThrow());
    }

    @Test
    void hostsOfOtherRegionsOrEndpointsNameNoApi() {
        assertTrue(router.apiId("abc123defg.execute-api.eu-west-1.amazonaws.com", null).isEmpty());
        assertTrue(router.apiId("vpce-0123-abcd.execute-api.us-east-1.vpce.amazonaws.com", null).isEmpty());
        assertTrue(router.apiId("127.0.0.1:8080", " ").isEmpty());
    }

    @Test
    void matchesStageThenResource() {
        RouteMatch root = router.match(api, "GET", "/Prod/").orElseThrow();
        assertEquals("/", root.route().resourcePath());
        assertEquals("/", root.path());
        assertEquals("/", router.match(api, "GET", "/Prod").orElseThrow().route().resourcePath());

        RouteMatch byId = router.match(api, "GET", "/Prod/requests/r-1").orElseThrow();
        assertEquals("/requests/{requestId}", byId.route().resourcePath());
        assertEquals(Map.of("requestId", "r-1"), byId.pathParameters());
    }

    @Test
    void literalSegmentsWinOverParameters() {
        assertEquals("latest", router.match(api, "GET", "/Prod/requests/latest").orElseThrow().route().functionName());
    }

    @Test
    void greedyProxyTakesTheRestAndAnyMatchesEveryMethod() {
        RouteMatch files = router.match(api, "DELETE", "/Prod/files/a/b/c").orElseThrow();
        assertEquals(Map.of("proxy", "a/b/c"), files.pathParameters());
    }

    @Test
    void wrongStageMethodOrPathMatchesNothing() {
        assertTrue(router.match(api, "GET", "/Dev/").isEmpty());
        assertTrue(router.match(api, "POST", "/Prod/").isEmpty());
        assertTrue(router.match(api, "GET", "/Prod/requests").isEmpty());
        assertTrue(router.match(api, "GET", "/Prod/requests/a/b").isEmpty());
        assertTrue(router.match(api, "GET", "/").isEmpty());
    }
}
