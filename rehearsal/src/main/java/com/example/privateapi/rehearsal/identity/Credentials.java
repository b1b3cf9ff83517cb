package com.example.privateapi.rehearsal.identity;

import com.example.privateapi.iam.Principal;

import java.time.Instant;

/**
 * A key pair the rehearsal issued, and whom it stands for.
 *
 * @param accessKeyId     {@code AKIA...} (long-term) or {@code ASIA...} (session)
 * @param secretAccessKey the secret
 * @param sessionToken    null for long-term keys
 * @param expiration      null for long-term keys
 * @param principal       the identity these credentials sign as
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                          Principal principal) {

    @Override
    public String toString() {
        return "Credentials[" + accessKeyId + " for " + principal.arn() + "]";
    }
}
