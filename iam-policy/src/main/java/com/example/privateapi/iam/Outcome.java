package com.example.privateapi.iam;

/** The three results of an IAM evaluation, named as they are printed. */
public enum Outcome {
    ALLOW("Allow"), EXPLICIT_DENY("ExplicitDeny"), IMPLICIT_DENY("ImplicitDeny");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
