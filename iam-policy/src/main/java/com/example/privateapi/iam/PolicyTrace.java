package com.example.privateapi.iam;

import java.util.List;

/**
 * What one policy did in an evaluation.
 *
 * @param policyName the policy's name
 * @param kind       {@code identity}, {@code resource} or {@code endpoint}
 * @param statements every statement of it, in order
 */
public record PolicyTrace(String policyName, String kind, List<StatementTrace> statements) {
    public PolicyTrace {
        statements = List.copyOf(statements);
    }
}
