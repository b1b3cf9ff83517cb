package com.example.privateapi.iam;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates identity, resource, trust and VPC endpoint policies the way IAM does, and explains the decision.
 *
 * <ul>
 *   <li>Any explicit deny wins.</li>
 *   <li>A caller in the resource's account needs an allow in its identity policies, or a resource-policy statement
 *       naming it directly (its ARN, its role's ARN, {@code *}).</li>
 *   <li>A statement naming only the caller's account ({@code 123456789012} or {@code arn:aws:iam::...:root})
 *       delegates to the account: the caller's identity policies must allow too, in the same account as well.</li>
 *   <li>A role's trust policy must allow the caller itself, even within one account; an identity-policy allow alone
 *       does not let a principal assume a role.</li>
 *   <li>A caller from another account needs both its identity policies and the resource policy.</li>
 *   <li>Anonymous callers and services are allowed by the resource policy alone; a VPC endpoint policy, when the
 *       request came through one, must allow too.</li>
 * </ul>
 */
public final class PolicyEvaluator {

    /** A statement that applied, and how its Principal named the caller. */
    private record Hit(StatementTrace trace, StatementMatcher.Named named, String account) {
    }

    private final StatementMatcher matcher = new StatementMatcher();

    /**
     * Parses the request's policies, then evaluates it.
     *
     * @throws PolicyException when a policy is not valid
     */
    public Decision evaluate(AuthorizationRequest request) {
        return evaluate(ParsedRequest.of(request));
    }

    public Decision evaluate(ParsedRequest request) {
        Map<String, List<String>> context = context(request);
        Principal principal = request.principal();
        boolean iamPrincipal = !principal.isAnonymous() && !principal.isService();

        List<PolicyTrace> traces = new ArrayList<>();
        List<StatementTrace> denies = new ArrayList<>();
        List<Hit> identityAllows = new ArrayList<>();
        if (iamPrincipal) {
            for (Policy policy : request.identityPolicies()) {
                traces.add(evaluatePolicy(policy, request, context, identityAllows, denies));
            }
        }
        List<Hit> resourceAllows = new ArrayList<>();
        if (request.resourcePolicy() != null) {
            traces.add(evaluatePolicy(request.resourcePolicy(), request, context, resourceAllows, denies));
        }
        List<Hit> endpointAllows = new ArrayList<>();
        if (request.endpointPolicy() != null) {
            traces.add(evaluatePolicy(request.endpointPolicy(), request, context, endpointAllows, denies));
        }

        if (!denies.isEmpty()) {
            StatementTrace deny = denies.get(0);
            return new Decision(Outcome.EXPLICIT_DENY, denies, "Explicit deny by " + deny.label() + ": "
                    + deny.why(), traces);
        }
        Verdict verdict = iamPrincipal ? iamVerdict(request, identityAllows, resourceAllows, traces)
                : resourceOnlyVerdict(request, resourceAllows, traces);
        if (verdict.allowed() && request.endpointPolicy() != null && endpointAllows.isEmpty()) {
            return new Decision(Outcome.IMPLICIT_DENY, List.of(), "No statement of \""
                    + request.endpointPolicy().name() + "\" allows " + principal.arn() + " to perform "
                    + request.action() + " on " + request.resource()
                    + whyNot(request.endpointPolicy(), traces), traces);
        }
        if (!verdict.allowed()) {
            return new Decision(Outcome.IMPLICIT_DENY, List.of(), verdict.reason(), traces);
        }
        List<StatementTrace> deciding = new ArrayList<>(verdict.deciding());
        if (!endpointAllows.isEmpty()) {
            deciding.add(endpointAllows.get(0).trace());
        }
        return new Decision(Outcome.ALLOW, deciding, verdict.reason(), traces);
    }

    private record Verdict(boolean allowed, String reason, List<StatementTrace> deciding) {
    }

    /** Anonymous callers and services: nobody's identity policies speak for them, only the resource policy can. */
    private static Verdict resourceOnlyVerdict(ParsedRequest request, List<Hit> resourceAllows,
                                               List<PolicyTrace> traces) {
        Principal principal = request.principal();
        String who = principal.isAnonymous() ? "an anonymous caller" : principal.arn();
        if (!resourceAllows.isEmpty()) {
            return new Verdict(true, "Allowed for " + who + " by " + resourceAllows.get(0).trace().label(),
                    traces(resourceAllows));
        }
        return new Verdict(false, "No statement of " + resourceName(request) + " allows " + who + " "
                + request.action() + " on " + request.resource() + whyNot(request.resourcePolicy(), traces),
                List.of());
    }

    private static Verdict iamVerdict(ParsedRequest request, List<Hit> identityAllows, List<Hit> resourceAllows,
                                      List<PolicyTrace> traces) {
        Principal principal = request.principal();
        boolean sameAccount = principal.accountId() != null && principal.accountId().equals(request.resourceAccount());
        List<Hit> direct = resourceAllows.stream().filter(h -> h.named() == StatementMatcher.Named.DIRECT).toList();
        List<Hit> delegated = resourceAllows.stream().filter(h -> h.named() == StatementMatcher.Named.ACCOUNT)
                .toList();
        // "By default, all requests are implicitly denied with the exception of the AWS account root user, which
        // has full access": the root user needs no identity policy in its own account.
        boolean identityAllowed = !identityAllows.isEmpty() || principal.isAccountRoot();
        String identityLabel = !identityAllows.isEmpty() ? identityAllows.get(0).trace().label()
                : "the root user's own permissions in account " + principal.accountId();
        String what = request.action() + " on " + request.resource();
        String resourceName = resourceName(request);
        List<StatementTrace> deciding = new ArrayList<>();

        if (sameAccount && request.assumesRole()) {
            if (!direct.isEmpty()) {
                return new Verdict(true, "Same-account request allowed by " + direct.get(0).trace().label(),
                        traces(direct));
            }
            if (!delegated.isEmpty() && identityAllowed) {
                deciding.addAll(traces(delegated));
                deciding.addAll(traces(identityAllows));
                return new Verdict(true, "Same-account request allowed by " + delegated.get(0).trace().label()
                        + ", which names the account " + delegated.get(0).account() + ", and by " + identityLabel,
                        deciding);
            }
            if (!delegated.isEmpty()) {
                return new Verdict(false, "Same-account request: " + delegation(delegated.get(0)), List.of());
            }
            return new Verdict(false, "Same-account request: " + (identityAllowed ? identityLabel + " allows "
                    + what + ", but a role's trust policy must allow the caller explicitly, even within one "
                    + "account, and no statement of " + resourceName + " does"
                    : "no statement of " + resourceName + " allows " + principal.arn() + " " + what
                    + ", and a role's trust policy must allow the caller explicitly, even within one account")
                    + whyNot(request.resourcePolicy(), traces), List.of());
        }
        if (sameAccount) {
            if (identityAllowed || !direct.isEmpty()) {
                List<StatementTrace> by = identityAllowed ? traces(identityAllows) : traces(direct);
                return new Verdict(true, "Same-account request allowed by "
                        + (identityAllowed ? identityLabel : direct.get(0).trace().label()), by);
            }
            if (!delegated.isEmpty()) {
                return new Verdict(false, "Same-account request: " + delegation(delegated.get(0)), List.of());
            }
            return new Verdict(false, "Same-account request: no identity policy of " + principal.arn()
                    + " and no statement of " + resourceName + " allows " + what
                    + whyNot(request.resourcePolicy(), traces), List.of());
        }
        boolean resourceAllowed = !resourceAllows.isEmpty();
        if (identityAllowed && resourceAllowed) {
            deciding.addAll(traces(identityAllows));
            deciding.addAll(traces(resourceAllows));
            return new Verdict(true, "Cross-account request allowed by " + identityLabel + " and "
                    + resourceAllows.get(0).trace().label(), deciding);
        }
        if (resourceAllowed && direct.isEmpty()) {
            return new Verdict(false, "Cross-account request: " + delegation(delegated.get(0)), List.of());
        }
        if (resourceAllowed) {
            return new Verdict(false, "Cross-account request: " + direct.get(0).trace().label() + " allows it, but "
                    + "no identity policy of " + principal.arn() + " allows " + what + "; a caller from another "
                    + "account needs both", List.of());
        }
        return new Verdict(false, "Cross-account request: no statement of " + resourceName + " allows "
                + principal.arn() + " to perform " + what
                + (identityAllowed ? " (its identity policies do)" : " and no identity policy does either")
                + "; a caller from another account needs both" + whyNot(request.resourcePolicy(), traces),
                List.of());
    }

    private static String delegation(Hit hit) {
        return hit.trace().label() + " names the account " + hit.account() + ", which delegates to the account: "
                + "the caller's identity policies must allow too, and none does";
    }

    private static String resourceName(ParsedRequest request) {
        return request.resourcePolicy() == null ? "the resource policy (there is none)"
                : "\"" + request.resourcePolicy().name() + "\"";
    }

    private static List<StatementTrace> traces(List<Hit> hits) {
        return hits.stream().map(Hit::trace).toList();
    }

    private PolicyTrace evaluatePolicy(Policy policy, ParsedRequest request, Map<String, List<String>> context,
                                       List<Hit> allows, List<StatementTrace> denies) {
        List<StatementTrace> statements = new ArrayList<>();
        for (Statement statement : policy.statements()) {
            StatementMatcher.Match match = matcher.match(policy, statement, request, context);
            StatementTrace trace = new StatementTrace(policy.name(), statement.index(), statement.sid(),
                    statement.effect(), match.applies(), match.why());
            statements.add(trace);
            if (match.applies()) {
                if (statement.isDeny()) {
                    denies.add(trace);
                } else {
                    allows.add(new Hit(trace, match.named(), match.namedAccount()));
                }
            }
        }
        return new PolicyTrace(policy.name(), policy.kind().label(), statements);
    }

    /** Why the allow statements of a policy did not apply, so a user sees what to change. */
    private static String whyNot(Policy policy, List<PolicyTrace> traces) {
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
    private static Map<String, List<String>> context(ParsedRequest request) {
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
