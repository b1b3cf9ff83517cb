package com.example.privateapi.iam;

import java.util.List;
import java.util.Map;

/** Decides whether one statement applies to a request, and says which element did not match and why. */
final class StatementMatcher {

    record Match(boolean applies, String why) {
    }

    Match match(Statement statement, AuthorizationRequest request, Map<String, List<String>> context) {
        if (statement.principals() != null) {
            boolean named = principalNamed(statement.principals(), request.principal());
            if (named == statement.notPrincipal()) {
                return new Match(false, (statement.notPrincipal() ? "NotPrincipal " : "Principal ")
                        + describe(statement.principals()) + (named ? " names " : " does not name ")
                        + request.principal().arn());
            }
        }
        boolean actionListed = statement.actions().stream()
                .anyMatch(pattern -> Patterns.glob(pattern, request.action(), true));
        if (actionListed == statement.notAction()) {
            return new Match(false, (statement.notAction() ? "NotAction " : "Action ") + statement.actions()
                    + (actionListed ? " lists " : " does not match ") + request.action());
        }
        if (statement.resources() != null) {
            boolean resourceListed = false;
            for (String pattern : statement.resources()) {
                try {
                    if (Patterns.glob(Patterns.substitute(pattern, context), request.resource(), false)) {
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
                        + request.resource());
            }
        }
        StringBuilder matched = new StringBuilder();
        for (Statement.Condition condition : statement.conditions()) {
            Conditions.Result result = Conditions.evaluate(condition, context);
            if (!result.matched()) {
                return new Match(false, "condition " + result.why() + " does not hold");
            }
            matched.append(matched.length() == 0 ? "" : "; ").append("condition ").append(result.why())
                    .append(" holds");
        }
        return new Match(true, matched.length() == 0 ? "principal, action and resource match" : matched.toString());
    }

    /**
     * A role ARN names that role's sessions; an account id or {@code arn:aws:iam::ACCOUNT:root} names every
     * principal of the account; {@code *} names everyone, anonymous callers included.
     */
    static boolean principalNamed(Map<String, List<String>> principals, Principal principal) {
        for (Map.Entry<String, List<String>> entry : principals.entrySet()) {
            String type = entry.getKey();
            for (String value : entry.getValue()) {
                if (value.equals("*") && (type.equals("*") || type.equals("AWS"))) {
                    return true;
                }
                if (type.equals("Service") && principal.isService() && value.equalsIgnoreCase(principal.arn())) {
                    return true;
                }
                if (!type.equals("AWS") || principal.isAnonymous() || principal.isService()) {
                    continue;
                }
                if (value.matches("\\d{12}") && value.equals(principal.accountId())) {
                    return true;
                }
                if (value.equals("arn:aws:iam::" + principal.accountId() + ":root")) {
                    return true;
                }
                if (value.equals(principal.arn()) || value.equals(principal.roleArn())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Map<String, List<String>> principals) {
        return principals.containsKey("*") ? "\"*\"" : principals.toString();
    }
}
