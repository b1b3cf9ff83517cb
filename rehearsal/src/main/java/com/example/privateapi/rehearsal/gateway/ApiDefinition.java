package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.iam.Policy;

import java.util.List;

/**
 * A deployed private REST API: what the gateway needs to route, authorize and log requests.
 *
 * @param apiId           the REST API id
 * @param accountId       the account that owns the API (decides same- versus cross-account)
 * @param stage           the deployed stage name
 * @param routes          its methods
 * @param resourcePolicy  the resource policy as API Gateway holds it ({@code execute-api:/} shorthand expanded),
 *                        parsed when the stack was applied, or null
 * @param accessLogFormat the stage's access log format ({@code $context} variables), or null for the default
 */
public record ApiDefinition(String apiId, String accountId, String stage, List<Route> routes, Policy resourcePolicy,
                            String accessLogFormat) {
    public ApiDefinition {
        routes = List.copyOf(routes);
    }
}
