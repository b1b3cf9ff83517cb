package com.example.privateapi.iam;

import java.util.List;
import java.util.Map;

/**
 * One question for the evaluator: may this principal perform this action on this resource?
 *
 * @param principal         the caller (may be anonymous)
 * @param action            for example {@code execute-api:Invoke} or {@code sts:AssumeRole}
 * @param resource          the resource ARN
 * @param resourceAccount   the account that owns the resource (decides same- versus cross-account)
 * @param context           request context keys (case-insensitive names, e.g. {@code aws:SourceVpce});
 *                          the evaluator adds the principal keys ({@code aws:PrincipalArn},
 *                          {@code aws:PrincipalAccount}, {@code aws:userid}) itself when absent
 * @param identityPolicies  the caller's identity-based policies (empty for anonymous)
 * @param resourcePolicy    the resource-based policy (API resource policy, role trust policy), or null
 * @param endpointPolicy    the VPC endpoint policy of the endpoint the request came through, or null
 */
public record AuthorizationRequest(Principal principal, String action, String resource, String resourceAccount,
                                   Map<String, List<String>> context, List<NamedPolicy> identityPolicies,
                                   NamedPolicy resourcePolicy, NamedPolicy endpointPolicy) {
    public AuthorizationRequest {
        context = Map.copyOf(context);
        identityPolicies = List.copyOf(identityPolicies);
    }
}
