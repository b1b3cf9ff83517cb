package com.example.privateapi.diagnose.model;

/** The two client functions of the consumer stack, and the outputs that name them. */
public enum ClientKind {
    DIRECT("direct client", "DirectAuthClientFunctionName"),
    ASSUME_ROLE("assume-role client", "AssumeRoleClientFunctionName");

    private final String label;
    private final String output;

    ClientKind(String label, String output) {
        this.label = label;
        this.output = output;
    }

    public String label() {
        return label;
    }

    public String output() {
        return output;
    }
}
