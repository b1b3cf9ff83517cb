package com.example.privateapi.diagnose.model;

import java.util.List;
import java.util.Map;

/**
 * What was read from the provider account.
 *
 * @param side         profile, region and stack
 * @param account      the account id
 * @param stack        the backend stack
 * @param api          the API (the stack's APIGatewayID) with its resource policy
 * @param stages       its stages with their deployment times
 * @param policyChange when its resource policy last changed
 * @param roles        the roles read, by ARN: the API access role, and the role the assume-role client assumes
 * @param accessLog    the latest denials in the access log of the stack's stage
 */
public record ProviderView(Side side, Read<String> account, Read<StackView> stack, Read<ApiView> api,
                           Read<List<StageView>> stages, Read<PolicyChange> policyChange,
                           Map<String, Read<RoleView>> roles, Read<AccessLog> accessLog) {
    public ProviderView {
        roles = Map.copyOf(roles);
    }

    public Read<RoleView> role(String arn) {
        Read<RoleView> read = arn == null ? null : roles.get(arn);
        return read != null ? read : Read.failed("role " + arn, "it is not in the provider account " + side.profile());
    }
}
