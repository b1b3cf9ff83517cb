package com.example.privateapi.rehearsal.identity;

import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.PolicyKind;

import java.time.Duration;
import java.util.List;

/**
 * An IAM role of one of the rehearsal's accounts, its policies parsed when the role was created.
 *
 * @param arn                {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}
 * @param roleId             the unique id, {@code AROA...}
 * @param trustPolicy        the AssumeRolePolicyDocument, of kind {@link PolicyKind#TRUST}
 * @param identityPolicies   inline and managed policies attached to it, of kind {@link PolicyKind#IDENTITY}
 * @param maxSessionDuration the role's MaxSessionDuration (1 h to 12 h; 1 h by default on AWS)
 */
public record Role(String arn, String roleId, Policy trustPolicy, List<Policy> identityPolicies,
                   Duration maxSessionDuration) {
    public Role {
        identityPolicies = List.copyOf(identityPolicies);
        if (trustPolicy.kind() != PolicyKind.TRUST) {
            throw new IllegalArgumentException("the trust policy of role " + arn + " must be parsed as a trust "
                    + "policy, not " + trustPolicy.kind());
        }
        for (Policy policy : identityPolicies) {
            if (policy.kind() != PolicyKind.IDENTITY) {
                throw new IllegalArgumentException(policy + " of role " + arn + " must be parsed as an identity "
                        + "policy");
            }
        }
    }

    public String accountId() {
        return arn.split(":")[4];
    }

    public String name() {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }
}
