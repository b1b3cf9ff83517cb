package com.example.privateapi.rehearsal.sigv4;

import com.example.privateapi.rehearsal.identity.Credentials;

/** The verifier's answer: who signed, or why the signature was refused. */
public sealed interface VerificationResult {

    record Verified(Credentials credentials) implements VerificationResult {
    }

    record Rejected(RejectReason reason, String message) implements VerificationResult {
    }
}
