package com.example.privateapi.iam;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Decides whether one statement applies to a request, and says which element did not match and why. */
final class StatementMatcher {

    /**
     * How a Principal element named the caller (AWS JSON policy elements: Principal).
     * {@code DIRECT}: by its own ARN, its role's ARN, {@code "*"} or its service name; such a grant in a resource
     * policy stands by itself within the resource's account. {@code ACCOUNT}: only through its account (an id or
     * {@code arn:aws:iam::ACCOUNT:root}), which delegates to the account: its identity policies must allow too.
     * {@code NONE}: the statement has no Principal element (identity policies), or NotPrincipal.
     */
    enum Named { DIRECT, ACCOUNT, NONE }

    record Match(boolean applies, String why, Named named, String namedAccount) {
    }

    Match match(Policy policy, Statement statement, ParsedRequest request, Map<String, List<String>> context) {
        Principal caller = request.principal();
        Named named = Named.NONE;
        String namedAccount = null;
        StringBuilder notes = new StringBuilder();
        if (statement.principals() != null && !statement.notPrincipal()) {
            named = principalNamed(statement.principals(), caller);
            if (named == null) {
                return new Match(false, "Principal " + describe(statement.principals()) + " does not name "
                        + caller.arn(), Named.NONE, null);
            }
            if (named == Named.ACCOUNT) {
                namedAccount = caller.accountId();
                notes.append("Principal names the account ").append(namedAccount).append(" of ")
                        .append(caller.arn()).append("; ");
            }
        } else if (statement.principals() != null) {
            String kept = notPrincipalExcludes(statement.principals(), caller);
            if (kept == null) {
                return new Match(false, "NotPrincipal " + describe(statement.principals()) + " names "
                        + caller.arn() + " with every principal it is checked as", Named.NONE, null);
            }
            notes.append("NotPrincipal ").append(describe(statement.principals())).append(" does not exclude ")
                    .append(caller.arn()).append(kept).append("; ");
        }
        boolean actionListed = statement.actions().stream()
                .anyMatch(pattern -> Patterns.glob(pattern, request.action(), true));
        if (actionListed == statement.notAction()) {
            return new Match(false, (statement.notAction() ? "NotAction " : "Action ") + statement.actions()
                    + (actionListed ? " lists " : " does not match ") + request.action(), named, namedAccount);
        }
        if (statement.resources() != null) {
            boolean resourceListed = false;
            boolean variableOutsideResourcePart = false;
            for (String pattern : statement.resources()) {
                try {
                    Patterns.Resource resource = Patterns.resourcePattern(pattern, context,
                            policy.substitutesVariables());
                    variableOutsideResourcePart |= resource.variableOutsideResourcePart();
                    if (Patterns.glob(resource.pattern(), request.resource(), false)) {
                        resourceListed = true;
                        break;
                    }
                } catch (Patterns.MissingVariable e) {
                    // A resource whose policy variable has no value matches nothing.
                }
            }
            if (resourceListed == statement.notResource()) {
                return new Match(false, (statement.notResource() ? "NotResource " : "Resource ")
                        + statement.resources() + (resourceListed ? " lists " : " does not match ")
                        + request.resource() + (variableOutsideResourcePart ? " (a policy variable is replaced "
                        + "only in the resource part of an ARN, after its fifth colon)" : ""), named, namedAccount);
            }
        }
        StringBuilder matched = new StringBuilder(notes);
        boolean conditions = false;
        for (Statement.Condition condition : statement.conditions()) {
            Conditions.Result result = Conditions.evaluate(condition, context, policy.substitutesVariables());
            if (!result.matched()) {
                return new Match(false, notes + "condition " + result.why() + " does not hold", named, namedAccount);
            }
            matched.append(conditions ? "; " : "").append("condition ").append(result.why()).append(" holds");
            conditions = true;
        }
        if (!conditions) {
            matched.append(statement.principals() == null ? "action and resource match"
                    : "principal, action and resource match");
        }
        return new Match(true, matched.toString(), named, namedAccount);
    }

    /**
     * How the Principal element names the caller, or null when it does not. {@code *} names everyone, anonymous
     * callers included; a role ARN names that role's sessions.
     */
    static Named principalNamed(Map<String, List<String>> principals, Principal caller) {
        Named best = null;
        for (Map.Entry<String, List<String>> entry : principals.entrySet()) {
            String type = entry.getKey();
            for (String value : entry.getValue()) {
                if (value.equals("*") && (type.equals("*") || type.equals("AWS"))) {
                    return Named.DIRECT;
                }
                if (type.equals("Service") && caller.isService() && value.equalsIgnoreCase(caller.arn())) {
                    return Named.DIRECT;
                }
                if (!type.equals("AWS") || caller.isAnonymous() || caller.isService()) {
                    continue;
                }
                if (value.equals(caller.arn()) || value.equals(caller.roleArn()) || namesUniqueId(value, caller)) {
                    return Named.DIRECT;
                }
                if (namesAccount(value, caller)) {
                    best = Named.ACCOUNT;
                }
            }
        }
        return best;
    }

    /**
     * Whether a NotPrincipal leaves the caller out of a Deny, and if not, why not (null when it does). AWS checks a
     * role session as its account, its role and the session, and a user as its account and the user, so each must
     * be named for the Deny to pass the caller by (AWS JSON policy elements: NotPrincipal).
     */
    static String notPrincipalExcludes(Map<String, List<String>> principals, Principal caller) {
        List<String> everyone = principals.getOrDefault("*", List.of());
        List<String> aws = principals.getOrDefault("AWS", List.of());
        if (!everyone.isEmpty() || aws.contains("*")) {
            return null;
        }
        if (caller.isAnonymous()) {
            return "";
        }
        if (caller.isService()) {
            boolean named = principals.getOrDefault("Service", List.of()).stream()
                    .anyMatch(s -> s.equalsIgnoreCase(caller.arn()));
            return named ? null : "";
        }
        boolean account = aws.stream().anyMatch(v -> namesAccount(v, caller));
        boolean self = aws.contains(caller.arn()) || aws.stream().anyMatch(v -> namesUniqueId(v, caller))
                || (caller.isAccountRoot() && account);
        boolean role = caller.roleArn() == null || aws.contains(caller.roleArn());
        if (account && self && role) {
            return null;
        }
        StringBuilder missing = new StringBuilder();
        if (!self && (role || account)) {
            missing.append(caller.roleArn() != null ? " (it names the role or the account, but a role session is "
                    + "left out of a Deny only when NotPrincipal names the session's ARN, the role's ARN and the "
                    + "account)" : " (it names the account, but not the user)");
        } else if (self && (!account || !role)) {
            missing.append(caller.roleArn() != null ? " (a role session is left out of a Deny only when "
                    + "NotPrincipal also names the role's ARN and the account)" : " (a user is left out of a Deny "
                    + "only when NotPrincipal also names its account)");
        }
        return missing.toString();
    }

    private static boolean namesAccount(String value, Principal caller) {
        if (caller.accountId() == null) {
            return false;
        }
        if (value.equals(caller.accountId())) {
            return true;
        }
        Matcher root = Principal.ACCOUNT_ROOT.matcher(value);
        return root.matches() && root.group(1).equals(caller.accountId());
    }

    /** Unique ids ({@code AROA...}, {@code AIDA...}) name the role or user they were issued to. */
    private static boolean namesUniqueId(String value, Principal caller) {
        if (caller.userId() == null || !value.startsWith("A")) {
            return false;
        }
        String id = caller.userId();
        int colon = id.indexOf(':');
        return value.equals(colon < 0 ? id : id.substring(0, colon));
    }

    private static String describe(Map<String, List<String>> principals) {
        return principals.containsKey("*") ? "\"*\"" : principals.toString();
    }
}
