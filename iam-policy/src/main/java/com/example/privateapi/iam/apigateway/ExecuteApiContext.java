package com.example.privateapi.iam.apigateway;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The condition keys API Gateway sets when it authorizes a request that came through an interface VPC endpoint
 * ("AWS global condition context keys", IAM User Guide; "Access a private API using an interface VPC endpoint", API
 * Gateway Developer Guide): the endpoint and its VPC, HTTPS, the region and the time.
 */
public final class ExecuteApiContext {

    private ExecuteApiContext() {
    }

    /**
     * @param vpcId the endpoint's VPC, or null when it is not known
     * @return a mutable map, for callers that know more of the request (its source address, its user agent)
     */
    public static Map<String, List<String>> throughEndpoint(String endpointId, String vpcId, String region,
                                                            Instant now) {
        Map<String, List<String>> context = new HashMap<>();
        context.put("aws:SourceVpce", List.of(endpointId));
        if (vpcId != null) {
            context.put("aws:SourceVpc", List.of(vpcId));
        }
        context.put("aws:SecureTransport", List.of("true"));
        context.put("aws:RequestedRegion", List.of(region));
        context.put("aws:CurrentTime", List.of(now.toString()));
        context.put("aws:EpochTime", List.of(Long.toString(now.getEpochSecond())));
        return context;
    }
}
