package com.example.privateapi.rehearsal.gateway;

import java.util.Map;

/**
 * A request resolved to an API, stage and method.
 *
 * @param api            the API
 * @param route          the method that matched
 * @param path           the request path without the stage, e.g. {@code /requests/abc}
 * @param pathParameters values of the resource path's {@code {parameters}}
 */
public record RouteMatch(ApiDefinition api, Route route, String path, Map<String, String> pathParameters) {
    public RouteMatch {
        pathParameters = Map.copyOf(pathParameters);
    }
}
