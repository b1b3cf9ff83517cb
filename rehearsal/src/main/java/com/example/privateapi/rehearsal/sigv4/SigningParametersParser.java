package com.example.privateapi.rehearsal.sigv4;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the signing parameters of a request, from its Authorization header or its presigned query, and words
 * what is missing or malformed the way AWS does.
 */
final class SigningParametersParser {

    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    /** Seven days: a signing key is valid that long. */
    static final long MAX_EXPIRES_SECONDS = 604800;

    /** The request carries no signature at all. */
    static final class Unsigned extends Exception {
        Unsigned() {
            super("Missing Authentication Token");
        }
    }

    /** The request carries a signature that is incomplete or malformed; the message says what is wrong. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    SigningParameters parse(SignedRequest request, Map<String, List<String>> query) throws Unsigned, Malformed {
        String authorization = request.header("authorization");
        if (authorization != null) {
            return fromHeader(request, authorization);
        }
        if (query.containsKey("X-Amz-Signature") || query.containsKey("X-Amz-Algorithm")
                || query.containsKey("X-Amz-Credential")) {
            return fromQuery(query);
        }
        throw new Unsigned();
    }

    private static SigningParameters fromHeader(SignedRequest request, String authorization) throws Malformed {
        String trimmed = authorization.trim();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!algorithm.equals(ALGORITHM)) {
            throw new Malformed("Authorization header requires 'Credential' parameter. Authorization header requires "
                    + "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
                    + "Authorization=" + authorization);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String part : (space < 0 ? "" : trimmed.substring(space + 1)).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq > 0) {
                params.put(p.substring(0, eq).trim(), p.substring(eq + 1).trim());
            }
        }
        String amzDate = request.header("x-amz-date");
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("Credential", "Signature", "SignedHeaders")) {
            if (params.get(name) == null || params.get(name).isEmpty()) {
                missing.append("Authorization header requires '").append(name).append("' parameter. ");
            }
        }
        if (amzDate == null && request.header("date") == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        if (missing.length() > 0) {
            throw new Malformed(missing + "Authorization=" + authorization);
        }
        if (amzDate == null) {
            throw new Malformed("Date header is not supported for SigV4; send X-Amz-Date (yyyyMMdd'T'HHmmss'Z').");
        }
        String[] credential = credential(params.get("Credential"));
        List<String> signedHeaders = signedHeaders(params.get("SignedHeaders"));
        return new SigningParameters(credential[0], credential[1], credential[2], credential[3], credential[4],
                signedHeaders, params.get("Signature"), amzDate.trim(), request.header("x-amz-security-token"),
                false, null);
    }

    private static SigningParameters fromQuery(Map<String, List<String>> query) throws Malformed {
        StringBuilder missing = new StringBuilder();
        for (String name : List.of("X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Signature", "X-Amz-SignedHeaders",
                "X-Amz-Date")) {
            if (first(query, name) == null || first(query, name).isEmpty()) {
                missing.append("AWS query-string parameters must include '").append(name).append("'. ");
            }
        }
        if (missing.length() > 0) {
            throw new Malformed(missing + "Re-examine the query-string parameters.");
        }
        if (!ALGORITHM.equals(first(query, "X-Amz-Algorithm"))) {
            throw new Malformed("X-Amz-Algorithm must be " + ALGORITHM + ", got '" + first(query, "X-Amz-Algorithm")
                    + "'.");
        }
        Long expires = expires(first(query, "X-Amz-Expires"));
        String[] credential = credential(first(query, "X-Amz-Credential"));
        return new SigningParameters(credential[0], credential[1], credential[2], credential[3], credential[4],
                signedHeaders(first(query, "X-Amz-SignedHeaders")), first(query, "X-Amz-Signature"),
                first(query, "X-Amz-Date"), first(query, "X-Amz-Security-Token"), true, expires);
    }

    /**
     * X-Amz-Expires, optional: "the time period, in seconds, for which the generated presigned URL is valid ... the
     * maximum is 604800 (seven days)" (IAM User Guide, "Authentication methods", query string parameters). The
     * messages are AWS's own (S3's answers to a malformed value).
     */
    private static Long expires(String text) throws Malformed {
        if (text == null) {
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new Malformed("X-Amz-Expires should be a number");
        }
        if (seconds < 0) {
            throw new Malformed("X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw new Malformed("X-Amz-Expires must be less than a week (in seconds); that is, the given "
                    + "X-Amz-Expires must be less than 604800 seconds");
        }
        return seconds;
    }

    private static String[] credential(String credential) throws Malformed {
        String[] parts = credential.split("/", -1);
        if (parts.length != 5 || parts[0].isEmpty()) {
            throw new Malformed("Credential should be scoped to a valid region. Authorization Credential=" + credential
                    + " must look like ACCESS_KEY_ID/yyyyMMdd/region/service/aws4_request.");
        }
        return parts;
    }

    private static List<String> signedHeaders(String value) {
        List<String> names = new ArrayList<>();
        for (String name : value.split(";")) {
            if (!name.isBlank()) {
                names.add(name.trim().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
