package com.example.privateapi.rehearsal.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Stable, AWS-looking ids (10 lowercase alphanumerics) for resources and deployments of an API. */
final class ResourceIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** An id depends on the API and the name only: computed once, not on every request's event. */
    private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

    private ResourceIds() {
    }

    static String of(String apiId, String name) {
        return KNOWN.computeIfAbsent(apiId + "\n" + name, ResourceIds::digest);
    }

    private static String digest(String seed) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(seed.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder();
            for (int i = 0; i < 10; i++) {
                id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
