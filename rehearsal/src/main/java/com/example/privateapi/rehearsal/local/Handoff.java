package com.example.privateapi.rehearsal.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameter hand-off of deploy-all.sh between the stacks: which output of one stack becomes which parameter of
 * the other; with several consumers the provider gets lists, as the README's multi-consumer example gives them.
 * User overrides are applied last, so they have the last word.
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

    /**
     * Provider update parameters: DynamoDB's prefix list again, and every consumer's outputs as comma-delimited
     * lists (each account once).
     *
     * @param consumerOutputs each consumer stack's outputs, by its account, in the consumers' order
     */
    static Map<String, String> providerUpdateParameters(List<Map.Entry<String, Map<String, String>>> consumerOutputs,
                                                        String dynamodbPrefixListId, Map<String, String> overrides) {
        Set<String> accounts = new LinkedHashSet<>();
        List<String> roles = new ArrayList<>();
        List<String> endpoints = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> consumer : consumerOutputs) {
            accounts.add(consumer.getKey());
            roles.add(required(consumer.getValue(), "DirectAuthClientRole", "consumer"));
            endpoints.add(required(consumer.getValue(), "APIGatewayEndpointID", "consumer"));
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put("pDynamoDBPrefixListId", dynamodbPrefixListId);
        params.put("pTrustedPrincipals", String.join(",", accounts));
        params.put("pAPIAccessList", String.join(",", roles));
        params.put("pAllowedVPCEndpoints", String.join(",", endpoints));
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
