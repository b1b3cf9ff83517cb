package com.example.privateapi.client;

import java.net.URI;
import java.util.Map;

/**
 * Where a client sends its request and the routing headers it needs.
 *
 * @param url     the full URL of {@code GET /} on the stage
 * @param headers extra headers to send and sign
 */
public record ApiTarget(URI url, Map<String, String> headers) {

    public ApiTarget {
        headers = Map.copyOf(headers);
    }

    /**
     * Private DNS on: the API's own name, which resolves to the endpoint inside the VPC. Off: the endpoint's
     * regional name, with {@code x-apigw-api-id} telling API Gateway which API is meant.
     */
    public static ApiTarget of(ClientConfig config) {
        if (config.privateDnsEnabled()) {
            return new ApiTarget(URI.create("https://" + config.apiHost() + config.apiPrefix() + "/"), Map.of());
        }
        return new ApiTarget(URI.create("https://" + config.vpceDnsName() + config.apiPrefix() + "/"),
                Map.of("x-apigw-api-id", config.apiId()));
    }
}
