package com.example.privateapi.iam;

import java.util.List;
import java.util.Map;

/**
 * One parsed policy statement.
 *
 * @param index        position in the policy, from 0
 * @param sid          the Sid, or null
 * @param effect       {@code Allow} or {@code Deny}
 * @param principals   principal type ({@code AWS}, {@code Service}, {@code Federated}, {@code CanonicalUser}, or
 *                     {@code *} for {@code "Principal": "*"}) to values; null when the statement has none
 * @param notPrincipal whether {@link #principals} came from NotPrincipal
 * @param actions      action patterns
 * @param notAction    whether {@link #actions} came from NotAction
 * @param resources    resource patterns; null when the statement has none (trust policies)
 * @param notResource  whether {@link #resources} came from NotResource
 * @param conditions   the condition block, flattened
 */
record Statement(int index, String sid, String effect, Map<String, List<String>> principals, boolean notPrincipal,
                 List<String> actions, boolean notAction, List<String> resources, boolean notResource,
                 List<Condition> conditions) {

    /** One operator / key / values entry of a Condition block. */
    record Condition(String operator, String key, List<String> values) {
        @Override
        public String toString() {
            return operator + " " + key + " " + values;
        }
    }

    boolean isDeny() {
        return effect.equals("Deny");
    }
}
