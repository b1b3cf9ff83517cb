package com.example.privateapi.iam;

/** A policy document that is not valid; the message names the policy, the statement and the element. */
public final class PolicyException extends RuntimeException {
    public PolicyException(String message) {
        super(message);
    }
}
