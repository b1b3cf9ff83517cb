package com.example.privateapi.rehearsal.local;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a deploy of the stacks is given, as deploy-all.sh is: the provider's account, the consumers (each with its
 * account and stack name), the region, and the parameters each stack gets on top of the hand-off.
 *
 * @param consumers      the consumer stacks, the first one first
 * @param providerAccount the provider's account id
 * @param region         the region every stack is deployed in
 * @param providerParams provider stack parameter overrides; they have the last word over the hand-off
 * @param consumerParams consumer stack parameter overrides, for every consumer; they have the last word over the
 *                       hand-off
 */
public record DeploySettings(List<Consumer> consumers, String providerAccount, String region,
                             Map<String, String> providerParams, Map<String, String> consumerParams) {

    /** Further consumers' accounts, in order, when they are not the provider's. */
    private static final List<String> MORE_ACCOUNTS = List.of("333333333333", "444444444444", "555555555555",
            "666666666666", "777777777777");

    /**
     * One consumer stack.
     *
     * @param number    1 for the first consumer
     * @param account   its account
     * @param stackName its stack name: deploy-all.sh's in each account, numbered when an account holds several
     */
    public record Consumer(int number, String account, String stackName) {
    }

    public DeploySettings {
        consumers = List.copyOf(consumers);
        providerParams = Map.copyOf(providerParams);
        consumerParams = Map.copyOf(consumerParams);
    }

    /**
     * The consumers of a rehearsal: the first in {@code firstAccount}, the others each in an account of its own, or
     * all in the provider's account when {@code firstAccount} is the provider's.
     */
    public static DeploySettings of(String firstAccount, int count, String providerAccount, String region,
                                    Map<String, String> providerParams, Map<String, String> consumerParams) {
        boolean sameAccount = firstAccount.equals(providerAccount);
        List<String> accounts = new ArrayList<>(List.of(firstAccount));
        for (String candidate : MORE_ACCOUNTS) {
            if (accounts.size() < count && !sameAccount && !accounts.contains(candidate)
                    && !candidate.equals(providerAccount)) {
                accounts.add(candidate);
            }
        }
        while (accounts.size() < count) {
            accounts.add(firstAccount);
        }
        List<Consumer> consumers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String account = accounts.get(i);
            boolean shared = accounts.subList(0, i).contains(account);
            consumers.add(new Consumer(i + 1, account, shared ? DeployFlow.CLIENT_STACK + "-" + (i + 1)
                    : DeployFlow.CLIENT_STACK));
        }
        return new DeploySettings(consumers, providerAccount, region, providerParams, consumerParams);
    }

    /** Whether the consumers are in the provider's account. */
    public boolean sameAccount() {
        return consumers.get(0).account().equals(providerAccount);
    }
}
