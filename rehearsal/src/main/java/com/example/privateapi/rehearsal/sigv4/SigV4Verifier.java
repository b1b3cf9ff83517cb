package com.example.privateapi.rehearsal.sigv4;

import com.example.privateapi.rehearsal.http.UrlEncoded;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.identity.KeyLookup;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies AWS Signature Version 4 on incoming requests, both the Authorization header form and the presigned
 * query form, as AWS services do: scope, the time window (five minutes either way, or a presigned request's
 * X-Amz-Expires), the signing key's owner, and
 * the signature itself (compared in constant time).
 */
public final class SigV4Verifier {

    static final Duration MAX_SKEW = Duration.ofMinutes(5);
    static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final IdentityStore identities;
    private final Clock clock;
    private final SigningParametersParser parser = new SigningParametersParser();

    public SigV4Verifier(IdentityStore identities, Clock clock) {
        this.identities = identities;
        this.clock = clock;
    }

    /** Verifies with path normalization, as for every service but S3. */
    public VerificationResult verify(SignedRequest request, String service, String region) {
        return verify(request, service, region, true);
    }

    public VerificationResult verify(SignedRequest request, String service, String region, boolean normalizePath) {
        List<UrlEncoded.Pair> query;
        try {
            query = UrlEncoded.parse(request.rawQuery(), false);
        } catch (IllegalArgumentException e) {
            return reject(RejectReason.INCOMPLETE_SIGNATURE, "The query string is not validly percent-encoded.");
        }
        Map<String, List<String>> queryMap = new LinkedHashMap<>();
        query.forEach(p -> queryMap.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.value()));

        SigningParameters params;
        try {
            params = parser.parse(request, queryMap);
        } catch (SigningParametersParser.Unsigned e) {
            return reject(RejectReason.MISSING_AUTHENTICATION_TOKEN, "Missing Authentication Token");
        } catch (SigningParametersParser.Malformed e) {
            return reject(RejectReason.INCOMPLETE_SIGNATURE, e.getMessage());
        }

        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(params.amzDate()));
        } catch (DateTimeParseException e) {
            return reject(RejectReason.INCOMPLETE_SIGNATURE, "X-Amz-Date must be in the ISO8601 Long Format "
                    + "\"yyyyMMdd'T'HHmmss'Z'\", got '" + params.amzDate() + "'.");
        }
        VerificationResult scopeProblem = checkScope(params, service, region);
        if (scopeProblem != null) {
            return scopeProblem;
        }
        if (!params.signedHeaders().contains("host")) {
            return reject(RejectReason.INCOMPLETE_SIGNATURE,
                    "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }

        Credentials credentials;
        KeyLookup lookup = identities.lookup(params.accessKeyId(), params.sessionToken());
        if (lookup instanceof KeyLookup.Found found) {
            credentials = found.credentials();
        } else if (lookup instanceof KeyLookup.Expired) {
            return reject(RejectReason.EXPIRED_TOKEN, "The security token included in the request is expired");
        } else {
            return reject(RejectReason.UNRECOGNIZED_CLIENT, "The security token included in the request is invalid.");
        }

        VerificationResult timeProblem = checkTime(params, signedAt);
        if (timeProblem != null) {
            return timeProblem;
        }

        String payloadHash = request.header("x-amz-content-sha256");
        String bodyHash = sha256Hex(request.body());
        if (payloadHash == null) {
            payloadHash = bodyHash;
        } else if (!payloadHash.equals("UNSIGNED-PAYLOAD") && !payloadHash.startsWith("STREAMING-")
                && !payloadHash.equals(bodyHash)) {
            return reject(RejectReason.INVALID_SIGNATURE,
                    "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        String canonical = CanonicalRequest.build(request, query, params.signedHeaders(), normalizePath,
                params.presigned(), payloadHash);
        String stringToSign = stringToSign(params, canonical);
        boolean matches = matches(credentials, params, stringToSign);
        if (!matches && params.presigned() && params.sessionToken() != null) {
            // Some signers add X-Amz-Security-Token to a presigned URL after signing it; AWS accepts that.
            List<UrlEncoded.Pair> unsignedToken = query.stream()
                    .filter(p -> !p.name().equals("X-Amz-Security-Token")).toList();
            String withoutToken = CanonicalRequest.build(request, unsignedToken, params.signedHeaders(),
                    normalizePath, true, payloadHash);
            matches = matches(credentials, params, stringToSign(params, withoutToken));
        }
        if (!matches) {
            return reject(RejectReason.INVALID_SIGNATURE, "The request signature we calculated does not match the "
                    + "signature you provided. Check your AWS Secret Access Key and signing method. Consult the "
                    + "service documentation for details.\n\nThe Canonical String for this request should have been\n'"
                    + canonical + "'\n\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
        }
        return new VerificationResult.Verified(credentials);
    }

    private static VerificationResult checkScope(SigningParameters params, String service, String region) {
        if (!params.scopeTerminal().equals("aws4_request")) {
            return reject(RejectReason.INCOMPLETE_SIGNATURE, "Credential should be scoped with a valid terminator: "
                    + "'aws4_request', not '" + params.scopeTerminal() + "'.");
        }
        if (!params.scopeDate().equals(params.amzDate().substring(0, 8))) {
            return reject(RejectReason.INVALID_SIGNATURE, "Date in Credential scope does not match YYYYMMDD from "
                    + "ISO-8601 version of date from HTTP: '" + params.scopeDate() + "' != '"
                    + params.amzDate().substring(0, 8) + "', from '" + params.amzDate() + "'.");
        }
        if (!params.scopeRegion().equals(region)) {
            return reject(RejectReason.INVALID_SIGNATURE, "Credential should be scoped to a valid region. "
                    + "This endpoint is in '" + region + "', the credential scope names '" + params.scopeRegion()
                    + "'.");
        }
        if (!params.scopeService().equals(service)) {
            return reject(RejectReason.INVALID_SIGNATURE, "Credential should be scoped to correct service: '"
                    + service + "'. ");
        }
        return null;
    }

    /**
     * The time window of a signature. A request must arrive within five minutes of its X-Amz-Date, either way
     * (IAM User Guide, "Signing AWS API requests": "a request must reach AWS within five minutes of the time stamp
     * in the request"); a presigned request without X-Amz-Expires gets no more. With X-Amz-Expires, a presigned
     * request is valid until X-Amz-Date plus that many seconds (at most seven days, checked by the parser).
     */
    private VerificationResult checkTime(SigningParameters params, Instant signedAt) {
        Instant now = clock.instant();
        if (params.presigned() && params.expiresSeconds() != null) {
            long expires = params.expiresSeconds();
            if (now.isAfter(signedAt.plusSeconds(expires))) {
                return expired(params.amzDate(), now, Duration.ofSeconds(expires));
            }
        } else if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            return expired(params.amzDate(), now, MAX_SKEW);
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            return reject(RejectReason.INVALID_SIGNATURE, "Signature not yet current: " + params.amzDate()
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " (" + AMZ_DATE.format(now)
                    + " + 5 min.)");
        }
        return null;
    }

    /** AWS's wording: {@code Signature expired: DATE is now earlier than NOW-WINDOW (NOW - WINDOW.)}. */
    private static VerificationResult expired(String amzDate, Instant now, Duration window) {
        long seconds = window.getSeconds();
        String shown = seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " sec";
        return reject(RejectReason.INVALID_SIGNATURE, "Signature expired: " + amzDate + " is now earlier than "
                + AMZ_DATE.format(now.minus(window)) + " (" + AMZ_DATE.format(now) + " - " + shown + ".)");
    }

    private static String stringToSign(SigningParameters params, String canonical) {
        return SigningParametersParser.ALGORITHM + "\n" + params.amzDate() + "\n" + params.scope() + "\n"
                + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison of the signature sent with the one computed. */
    private static boolean matches(Credentials credentials, SigningParameters params, String stringToSign) {
        String expected = signature(credentials.secretAccessKey(), params, stringToSign);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                params.signature().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    private static String signature(String secret, SigningParameters params, String stringToSign) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), params.scopeDate());
        key = hmac(key, params.scopeRegion());
        key = hmac(key, params.scopeService());
        key = hmac(key, "aws4_request");
        return HexFormat.of().formatHex(hmac(key, stringToSign));
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }

    static String sha256Hex(byte[] data) {
        if (data.length == 0) {
            return EMPTY_SHA256;
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static VerificationResult reject(RejectReason reason, String message) {
        return new VerificationResult.Rejected(reason, message);
    }
}
