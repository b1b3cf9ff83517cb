package com.example.privateapi.diagnose.evaluate;

import com.example.privateapi.iam.AuthorizationRequest;
import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.NamedPolicy;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.iam.Principal;
import com.example.privateapi.iam.StatementTrace;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The questions the diagnosis puts to the IAM evaluator. */
public final class PolicyQuestions {

    /**
     * Stands for the caller's own policies when only an endpoint policy is in question: IAM applies an endpoint
     * policy as a further gate, after the caller is otherwise allowed.
     */
    private static final NamedPolicy OTHERWISE_ALLOWED = new NamedPolicy("(the caller, otherwise allowed)",
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}");

    private final PolicyEvaluator evaluator;

    public PolicyQuestions(PolicyEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    /** Whether an endpoint policy alone lets this caller's request through. */
    public Decision endpointAlone(Principal caller, String action, String resource, Map<String, List<String>> context,
                                  NamedPolicy endpointPolicy) {
        return evaluator.evaluate(new AuthorizationRequest(caller, action, resource, caller.accountId(), context,
                List.of(OTHERWISE_ALLOWED), null, endpointPolicy));
    }

    /** The statement of {@code policy} among a decision's deciding statements, if any. */
    public static Optional<StatementTrace> decidingIn(Decision decision, NamedPolicy policy) {
        return decision.deciding().stream().filter(s -> s.policyName().equals(policy.name())).findFirst();
    }

    public Decision evaluate(AuthorizationRequest request) {
        return evaluator.evaluate(request);
    }
}
