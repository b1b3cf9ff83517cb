package com.example.privateapi.iam;

/**
 * What one statement did in an evaluation.
 *
 * @param policyName the {@link NamedPolicy#name()} of the policy holding it
 * @param index      its position in the policy's Statement list, from 0
 * @param sid        its Sid, or null
 * @param effect     {@code Allow} or {@code Deny}
 * @param applies    whether every element (principal, action, resource, conditions) matched
 * @param why        which element did not match and why, or that all matched
 */
public record StatementTrace(String policyName, int index, String sid, String effect, boolean applies, String why) {

    /** How explanations refer to this statement: {@code "<policy>" statement "<sid>"} or {@code #<index>}. */
    public String label() {
        return "\"" + policyName + "\" statement " + (sid != null ? "\"" + sid + "\"" : "#" + index);
    }
}
