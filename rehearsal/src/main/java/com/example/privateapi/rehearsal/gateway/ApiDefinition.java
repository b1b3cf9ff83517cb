package com.example.privateapi.rehearsal.gateway;

import java.util.List;

/**
 * A deployed private REST API: what the gateway needs to route, authorize and log requests.
 *
 * @param apiId           the REST API id
 * @param accountId       the account that owns the API (decides same- versus cross-account)
 * @param stage           the deployed stage name
 * @param routes          its methods
 * @param resourcePolicy  the resource policy JSON as deployed (may use the {@code execute-api:/} shorthand), or null
 * @param accessLogFormat the stage's access log format ({@code $context} variables), or null for the default
 */
public record ApiDefinition(String apiId, String accountId, String stage, List<Route> routes, String resourcePolicy,
                            String accessLogFormat) {
    public ApiDefinition {
        routes = List.copyOf(routes);
    }
}
