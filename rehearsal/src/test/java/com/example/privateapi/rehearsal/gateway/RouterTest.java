package com.example.privateapi.rehearsal.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        RouteMatch root = match("GET", "/Prod/").orElseThrow();
        assertEquals("/", root.route().resourcePath());
        assertEquals("/", root.path());
        assertEquals("/", match("GET", "/Prod").orElseThrow().route().resourcePath());

        RouteMatch byId = match("GET", "/Prod/requests/r-1").orElseThrow();
        assertEquals("/requests/{requestId}", byId.route().resourcePath());
        assertEquals(Map.of("requestId", "r-1"), byId.pathParameters());
    }

    @Test
    void literalSegmentsWinOverParameters() {
        assertEquals("latest", match("GET", "/Prod/requests/latest").orElseThrow().route().functionName());
    }

    @Test
    void greedyProxyTakesTheRestAndAnyMatchesEveryMethod() {
        RouteMatch files = match("DELETE", "/Prod/files/a/b/c").orElseThrow();
        assertEquals(Map.of("proxy", "a/b/c"), files.pathParameters());
    }

    /**
     * The route is found on the path the signature covers (dot and empty segments removed, as SigV4's canonical URI
     * for every service but S3): a request signed for /Prod/ and sent as /Prod/requests/../ is the root resource,
     * never /requests/{requestId} with the id "..".
     */
    @Test
    void theRoutedPathIsTheNormalizedPathTheSignatureCovers() {
        RouteMatch dotted = match("GET", "/Prod/requests/../").orElseThrow();
        assertEquals("/", dotted.route().resourcePath());
        assertEquals("/", dotted.path());
        assertEquals("/requests/{requestId}", match("GET", "/Prod//requests/./r-1").orElseThrow().route()
                .resourcePath());
        assertEquals(Map.of("requestId", "r-1"), match("GET", "/Prod/x/../requests/r-1").orElseThrow()
                .pathParameters());
        // An encoded dot segment is a value, not a step up: the signature covers it as sent.
        assertEquals(Map.of("requestId", ".."), match("GET", "/Prod/requests/%2E%2E").orElseThrow().pathParameters());
        assertTrue(match("GET", "/Prod/%zz").isEmpty());
    }

    @Test
    void wrongStageMethodOrPathMatchesNothing() {
        assertTrue(match("GET", "/Dev/").isEmpty());
        assertTrue(match("POST", "/Prod/").isEmpty());
        assertTrue(match("GET", "/Prod/requests").isEmpty());
        assertTrue(match("GET", "/Prod/requests/a/b").isEmpty());
        assertTrue(match("GET", "/").isEmpty());
    }

    private Optional<RouteMatch> match(String method, String rawPath) {
        return RequestPath.of(rawPath).flatMap(path -> router.match(api, method, path));
    }
}
