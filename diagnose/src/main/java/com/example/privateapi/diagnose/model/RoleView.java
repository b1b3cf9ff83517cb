package com.example.privateapi.diagnose.model;

import com.example.privateapi.iam.NamedPolicy;

import java.util.List;

/**
 * An IAM role with its trust policy and identity policies (inline and attached), documents decoded.
 *
 * @param arn              the role ARN
 * @param name             the role name
 * @param roleId           its unique id ({@code AROA...})
 * @param trustPolicy      the trust policy JSON
 * @param identityPolicies inline and attached managed policies, named {@code role NAME inline P} and
 *                         {@code role NAME managed P}
 */
public record RoleView(String arn, String name, String roleId, String trustPolicy, List<NamedPolicy> identityPolicies) {
    public RoleView {
        identityPolicies = List.copyOf(identityPolicies);
    }

    public String accountId() {
        return arn.split(":")[4];
    }
}
