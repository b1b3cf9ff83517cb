package com.example.privateapi.rehearsal.identity;

import com.example.privateapi.iam.NamedPolicy;

import java.time.Duration;
import java.util.List;

/**
 * An IAM role of one of the rehearsal's accounts.
 *
 * @param arn                {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}
 * @param roleId             the unique id, {@code AROA...}
 * @param trustPolicy        the AssumeRolePolicyDocument JSON
 * @param identityPolicies   inline and managed policies attached to it
 * @param maxSessionDuration the role's MaxSessionDuration (1 h to 12 h; 1 h by default on AWS)
 */
public record Role(String arn, String roleId, String trustPolicy, List<NamedPolicy> identityPolicies,
                   Duration maxSessionDuration) {
    public Role {
        identityPolicies = List.copyOf(identityPolicies);
    }

    public String accountId() {
        return arn.split(":")[4];
    }

    public String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
