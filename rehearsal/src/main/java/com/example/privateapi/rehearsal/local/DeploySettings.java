package com.example.privateapi.rehearsal.local;

import java.util.Map;

/**
 * What a deploy of both stacks is given, as deploy-all.sh is: the two accounts, the region, and the parameters each
 * stack gets on top of the hand-off.
 *
 * @param consumerAccount the consumer's account id
 * @param providerAccount the provider's account id
 * @param region          the region both stacks are deployed in
 * @param providerParams  provider stack parameter overrides; they have the last word over the hand-off
 * @param consumerParams  consumer stack parameter overrides; they have the last word over the hand-off
 */
public record DeploySettings(String consumerAccount, String providerAccount, String region,
                             Map<String, String> providerParams, Map<String, String> consumerParams) {
    public DeploySettings {
        providerParams = Map.copyOf(providerParams);
        consumerParams = Map.copyOf(consumerParams);
    }
}
