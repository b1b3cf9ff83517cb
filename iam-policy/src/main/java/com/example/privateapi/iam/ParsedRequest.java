package com.example.privateapi.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An {@link AuthorizationRequest} whose policies were parsed when they were attached: what a long-running caller
 * (the rehearsal's gateway and STS) hands the evaluator, so no request ever parses a policy.
 *
 * @param principal        the caller (may be anonymous)
 * @param action           for example {@code execute-api:Invoke} or {@code sts:AssumeRole}
 * @param resource         the resource ARN
 * @param resourceAccount  the account that owns the resource (decides same- versus cross-account)
 * @param context          request context keys, see {@link AuthorizationRequest#context()}
 * @param identityPolicies the caller's identity-based policies, each of kind {@link PolicyKind#IDENTITY}
 * @param resourcePolicy   the resource policy ({@link PolicyKind#RESOURCE}) or the role's trust policy
 *                         ({@link PolicyKind#TRUST}), or null
 * @param endpointPolicy   the VPC endpoint policy ({@link PolicyKind#ENDPOINT}) of the endpoint the request came
 *                         through, or null
 */
public record ParsedRequest(Principal principal, String action, String resource, String resourceAccount,
                            Map<String, List<String>> context, List<Policy> identityPolicies, Policy resourcePolicy,
                            Policy endpointPolicy) {

    public ParsedRequest {
        context = Map.copyOf(context);
        identityPolicies = List.copyOf(identityPolicies);
        for (Policy policy : identityPolicies) {
            requireKind(policy, "an identity policy", PolicyKind.IDENTITY);
        }
        if (resourcePolicy != null) {
            requireKind(resourcePolicy, "the resource policy", PolicyKind.RESOURCE, PolicyKind.TRUST);
        }
        if (endpointPolicy != null) {
            requireKind(endpointPolicy, "the endpoint policy", PolicyKind.ENDPOINT);
        }
    }

    /**
     * Parses the policies of a request given as JSON. The resource policy of an {@code sts:AssumeRole...} request
     * is the role's trust policy and is parsed as one.
     *
     * @throws PolicyException naming the policy and the element that is not valid
     */
    public static ParsedRequest of(AuthorizationRequest request) {
        List<Policy> identity = new ArrayList<>();
        for (NamedPolicy policy : request.identityPolicies()) {
            identity.add(Policy.parse(policy, PolicyKind.IDENTITY));
        }
        Policy resource = request.resourcePolicy() == null ? null : Policy.parse(request.resourcePolicy(),
                isAssumeRole(request.action()) ? PolicyKind.TRUST : PolicyKind.RESOURCE);
        Policy endpoint = request.endpointPolicy() == null ? null
                : Policy.parse(request.endpointPolicy(), PolicyKind.ENDPOINT);
        return new ParsedRequest(request.principal(), request.action(), request.resource(),
                request.resourceAccount(), request.context(), identity, resource, endpoint);
    }

    /**
     * Whether the resource side is a role's trust policy, which must allow the caller explicitly even within one
     * account: a trust policy was given, or the action assumes a role.
     */
    public boolean assumesRole() {
        return resourcePolicy != null ? resourcePolicy.kind() == PolicyKind.TRUST : isAssumeRole(action);
    }

    private static boolean isAssumeRole(String action) {
        return action.toLowerCase(Locale.ROOT).startsWith("sts:assumerole");
    }

    private static void requireKind(Policy policy, String what, PolicyKind... kinds) {
        for (PolicyKind kind : kinds) {
            if (policy.kind() == kind) {
                return;
            }
        }
        throw new IllegalArgumentException(what + " must be parsed as " + List.of(kinds) + ", but " + policy
                + " was parsed as " + policy.kind());
    }
}
