package com.example.privateapi.rehearsal.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter hand-off of deploy-all.sh between the two stacks: which output of one stack becomes which
 * parameter of the other. User overrides are applied last, so they have the last word.
 */
final class Handoff {

    private Handoff() {
    }

    /** The provider's first deploy: its defaults, and DynamoDB's prefix list as deploy-all.sh looks it up. */
    static Map<String, String> providerParameters(String dynamodbPrefixListId, Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pDynamoDBPrefixListId", dynamodbPrefixListId);
        params.putAll(overrides);
        return params;
    }

    /** Consumer parameters from the provider's outputs. */
    static Map<String, String> consumerParameters(Map<String, String> providerOutputs, String providerAccount,
                                                  Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pAPIHost", required(providerOutputs, "APIGatewayFQDN", "provider"));
        params.put("pAPIAccountID", providerAccount);
        params.put("pAPIRoleARN", required(providerOutputs, "APIAccessRole", "provider"));
        params.put("pAPIPrefix", "/" + required(providerOutputs, "APIStageName", "provider"));
        params.putAll(overrides);
        return params;
    }

    /** Provider update parameters: DynamoDB's prefix list again, and the consumer's outputs. */
    static Map<String, String> providerUpdateParameters(Map<String, String> consumerOutputs, String consumerAccount,
                                                        String dynamodbPrefixListId, Map<String, String> overrides) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pDynamoDBPrefixListId", dynamodbPrefixListId);
        params.put("pTrustedPrincipals", consumerAccount);
        params.put("pAPIAccessList", required(consumerOutputs, "DirectAuthClientRole", "consumer"));
        params.put("pAllowedVPCEndpoints", required(consumerOutputs, "APIGatewayEndpointID", "consumer"));
        params.putAll(overrides);
        return params;
    }

    static String required(Map<String, String> outputs, String name, String stack) {
        String value = outputs.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the " + stack + " stack has no output " + name
                    + " (outputs: " + outputs.keySet() + ")");
        }
        return value;
    }
}
