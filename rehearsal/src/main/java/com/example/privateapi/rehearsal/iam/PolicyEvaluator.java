package com.example.privateapi.rehearsal.iam;

/**
 * Evaluates identity, resource and VPC endpoint policies the way IAM does, and explains the decision.
 */
public final class PolicyEvaluator {

    public Decision evaluate(AuthorizationRequest request) {
        throw new UnsupportedOperationException("policy evaluation is not implemented yet");
    }
}
