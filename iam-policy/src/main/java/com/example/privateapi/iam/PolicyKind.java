package com.example.privateapi.iam;

/**
 * Where a policy is attached, which decides the rules it must follow when it is parsed (AWS JSON policy elements:
 * Principal, NotPrincipal, Resource) and how it counts in a decision.
 */
public enum PolicyKind {
    /** Attached to a user or role: no Principal, a Resource or NotResource in every statement. */
    IDENTITY("identity"),
    /** Attached to a resource such as an API: a Principal or NotPrincipal in every statement. */
    RESOURCE("resource"),
    /** A role's trust policy: a Principal in every statement, no NotPrincipal, no Resource. */
    TRUST("trust"),
    /** A VPC endpoint policy: a Principal or NotPrincipal in every statement. */
    ENDPOINT("endpoint");

    private final String label;

    PolicyKind(String label) {
        this.label = label;
    }

    /** How traces name the kind: {@code identity}, {@code resource}, {@code trust} or {@code endpoint}. */
    public String label() {
        return label;
    }
}
