package com.example.privateapi.iam;

import java.util.List;

/**
 * The evaluator's answer with its explanation.
 *
 * @param outcome  Allow, ExplicitDeny or ImplicitDeny
 * @param deciding the statements that decided: the explicit deny, or the allows that were needed; empty for
 *                 an implicit deny
 * @param reason   one or two sentences a user can act on, e.g. which statement denied, or which policy
 *                 lacked an allow (and that cross-account calls need both)
 * @param policies every policy evaluated, with every statement's trace
 */
public record Decision(Outcome outcome, List<StatementTrace> deciding, String reason, List<PolicyTrace> policies) {
    public Decision {
        deciding = List.copyOf(deciding);
        policies = List.copyOf(policies);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
