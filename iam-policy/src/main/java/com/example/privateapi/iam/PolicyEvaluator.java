package com.example.privateapi.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates identity, resource and VPC endpoint policies the way IAM does, and explains the decision: any
 * explicit deny wins; a caller in the resource's account needs an allow in its identity policies or in the
 * resource policy, a caller from another account needs both; anonymous callers only the resource policy; a VPC
 * endpoint policy, when the request came through one, must allow too.
 */
public final class PolicyEvaluator {

    private final StatementMatcher matcher = new StatementMatcher();

    public Decision evaluate(AuthorizationRequest request) {
        Map<String, List<String>> context = context(request);
        Principal principal = request.principal();

        List<PolicyTrace> traces = new ArrayList<>();
        List<StatementTrace> identityAllows = new ArrayList<>();
        List<StatementTrace> denies = new ArrayList<>();
        if (!principal.isAnonymous() && !principal.isService()) {
            for (NamedPolicy policy : request.identityPolicies()) {
                traces.add(evaluatePolicy(policy, "identity", false, request, context, identityAllows, denies));
            }
        }
        List<StatementTrace> resourceAllows = new ArrayList<>();
        if (request.resourcePolicy() != null) {
            traces.add(evaluatePolicy(request.resourcePolicy(), "resource", true, request, context, resourceAllows,
                    denies));
        }
        List<StatementTrace> endpointAllows = new ArrayList<>();
        if (request.endpointPolicy() != null) {
            traces.add(evaluatePolicy(request.endpointPolicy(), "endpoint", true, request, context, endpointAllows,
                    denies));
        }

        String subject = principal.arn() + " to perform " + request.action() + " on " + request.resource();
        if (!denies.isEmpty()) {
            StatementTrace deny = denies.get(0);
            return new Decision(Outcome.EXPLICIT_DENY, denies, "Explicit deny by " + deny.label() + ": "
                    + deny.why(), traces);
        }
        boolean sameAccount = principal.accountId() != null && principal.accountId().equals(request.resourceAccount());
        boolean identityAllowed = !identityAllows.isEmpty();
        boolean resourceAllowed = !resourceAllows.isEmpty();
        String resourceName = request.resourcePolicy() == null ? "the resource policy (there is none)"
                : "\"" + request.resourcePolicy().name() + "\"";

        List<StatementTrace> deciding = new ArrayList<>();
        String reason;
        boolean allowed;
        if (principal.isAnonymous() || principal.isService()) {
            // Nobody's identity policies speak for these callers: only the resource policy can allow them.
            String who = principal.isAnonymous() ? "an anonymous caller" : principal.arn();
            allowed = resourceAllowed;
            deciding.addAll(resourceAllows);
            reason = allowed ? "Allowed for " + who + " by " + resourceAllows.get(0).label()
                    : "No statement of " + resourceName + " allows " + who + " " + request.action()
                    + " on " + request.resource() + whyNot(request.resourcePolicy(), traces);
        } else if (sameAccount) {
            allowed = identityAllowed || resourceAllowed;
            deciding.addAll(identityAllowed ? identityAllows : resourceAllows);
            reason = allowed ? "Same-account request allowed by " + deciding.get(0).label()
                    : "Same-account request: no identity policy of " + principal.arn() + " and no statement of "
                    + resourceName + " allows " + request.action() + " on " + request.resource()
                    + whyNot(request.resourcePolicy(), traces);
        } else {
            allowed = identityAllowed && resourceAllowed;
            deciding.addAll(identityAllows);
            deciding.addAll(resourceAllows);
            if (allowed) {
                reason = "Cross-account request allowed by " + identityAllows.get(0).label() + " and "
                        + resourceAllows.get(0).label();
            } else if (resourceAllowed) {
                reason = "Cross-account request: " + resourceAllows.get(0).label() + " allows it, but no identity "
                        + "policy of " + principal.arn() + " allows " + request.action() + " on "
                        + request.resource() + "; a caller from another account needs both";
            } else {
                reason = "Cross-account request: no statement of " + resourceName + " allows " + subject
                        + (identityAllowed ? " (its identity policies do)" : " and no identity policy does either")
                        + "; a caller from another account needs both" + whyNot(request.resourcePolicy(), traces);
            }
        }
        if (allowed && request.endpointPolicy() != null && endpointAllows.isEmpty()) {
            return new Decision(Outcome.IMPLICIT_DENY, List.of(), "No statement of \""
                    + request.endpointPolicy().name() + "\" allows " + subject
                    + whyNot(request.endpointPolicy(), traces), traces);
        }
        if (!allowed) {
            return new Decision(Outcome.IMPLICIT_DENY, List.of(), reason, traces);
        }
        deciding.addAll(endpointAllows.isEmpty() ? List.of() : List.of(endpointAllows.get(0)));
        return new Decision(Outcome.ALLOW, deciding, reason, traces);
    }

    private PolicyTrace evaluatePolicy(NamedPolicy policy, String kind, boolean principalRequired,
                                       AuthorizationRequest request, Map<String, List<String>> context,
                                       List<StatementTrace> allows, List<StatementTrace> denies) {
        List<StatementTrace> statements = new ArrayList<>();
        for (Statement statement : PolicyParser.parse(policy)) {
            if (principalRequired && statement.principals() == null) {
                throw new PolicyException("policy \"" + policy.name() + "\" statement #" + statement.index()
                        + ": a " + kind + " policy statement needs a Principal or NotPrincipal");
            }
            if (!principalRequired && statement.principals() != null) {
                throw new PolicyException("policy \"" + policy.name() + "\" statement #" + statement.index()
                        + ": an identity policy statement must not have a Principal");
            }
            StatementMatcher.Match match = matcher.match(statement, request, context);
            StatementTrace trace = new StatementTrace(policy.name(), statement.index(), statement.sid(),
                    statement.effect(), match.applies(), match.why());
            statements.add(trace);
            if (match.applies()) {
                (statement.isDeny() ? denies : allows).add(trace);
            }
        }
        return new PolicyTrace(policy.name(), kind, statements);
    }

    /** Why the allow statements of a policy did not apply, so a user sees what to change. */
    private static String whyNot(NamedPolicy policy, List<PolicyTrace> traces) {
        if (policy == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (PolicyTrace trace : traces) {
            if (!trace.policyName().equals(policy.name())) {
                continue;
            }
            for (StatementTrace s : trace.statements()) {
                if (s.effect().equals("Allow") && !s.applies()) {
                    out.append("; ").append(s.label()).append(" did not apply: ").append(s.why());
                }
            }
        }
        return out.toString();
    }

    /** The request context with lower-cased keys, plus the principal's global keys when the caller gave none. */
    private static Map<String, List<String>> context(AuthorizationRequest request) {
        Map<String, List<String>> context = new HashMap<>();
        request.context().forEach((k, v) -> context.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        Principal p = request.principal();
        if (p.isAnonymous()) {
            context.putIfAbsent("aws:principaltype", List.of("Anonymous"));
            return context;
        }
        String principalArn = p.roleArn() != null ? p.roleArn() : p.arn();
        context.putIfAbsent("aws:principalarn", List.of(principalArn));
        if (p.accountId() != null) {
            context.putIfAbsent("aws:principalaccount", List.of(p.accountId()));
        }
        if (p.userId() != null) {
            context.putIfAbsent("aws:userid", List.of(p.userId()));
        }
        if (p.roleArn() != null) {
            context.putIfAbsent("aws:principaltype", List.of("AssumedRole"));
        } else if (p.arn().contains(":user/")) {
            context.putIfAbsent("aws:principaltype", List.of("User"));
            context.putIfAbsent("aws:username", List.of(p.arn().substring(p.arn().lastIndexOf('/') + 1)));
        } else if (p.arn().endsWith(":root")) {
            context.putIfAbsent("aws:principaltype", List.of("Account"));
        }
        return context;
    }
}
