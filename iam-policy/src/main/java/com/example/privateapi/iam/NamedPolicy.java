package com.example.privateapi.iam;

import java.util.Objects;

/**
 * A policy document and the name it is reported under in explanations
 * (for example {@code resource policy of API abc123} or {@code role DirectClientRole / inline ApiInvoke}).
 *
 * @param name     how explanations name this policy
 * @param document the policy JSON text, as written in the template or on the command line
 */
public record NamedPolicy(String name, String document) {
    public NamedPolicy {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(document, "document");
    }
}
