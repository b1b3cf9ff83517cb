package com.example.privateapi.rehearsal.sigv4;

import com.example.privateapi.iam.Principal;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The time window of presigned (query-string) SigV4 requests, signed by the AWS SDK's own signer. IAM User Guide,
 * "Signing AWS API requests": "a request must reach AWS within five minutes of the time stamp in the request"; a
 * presigned request without X-Amz-Expires gets that window and no more. "Authentication methods", query string
 * parameters: X-Amz-Expires "provides the time period, in seconds, for which the generated presigned URL is valid
 * ... the maximum is 604800 (seven days)".
 */
class PresignedTimeWindowTest {

    static final Instant SIGNED = Instant.parse("2026-03-02T10:00:00Z");
    static final String HOST = "abc123defg.execute-api.us-east-1.amazonaws.com";

    static SignedRequest presigned(Duration expires) {
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("https://" + HOST + "/Prod/")).build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create("AKIAPRESIGNTEST00001", "secret"))
                    .request(request)
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                    .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(SIGNED, ZoneOffset.UTC))
                    .putProperty(AwsV4FamilyHttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING);
            if (expires != null) {
                r.putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, expires);
            }
        }).request();
        // The signer puts Host among the headers it signed, as the client sends them.
        return new SignedRequest("GET", signed.encodedPath(), signed.getUri().getRawQuery(), signed.headers(),
                new byte[0]);
    }

    static VerificationResult verifyAt(SignedRequest request, Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        IdentityStore store = new IdentityStore(clock);
        store.registerKeys(new Credentials("AKIAPRESIGNTEST00001", "secret", null, null, new Principal(
                "arn:aws:iam::111111111111:user/presigner", "111111111111", "AIDAPRESIGNER0000001", null)), List.of());
        return new SigV4Verifier(store, clock).verify(request, "execute-api", "us-east-1");
    }

    static VerificationResult.Rejected rejectedAt(SignedRequest request, Instant now) {
        return assertInstanceOf(VerificationResult.Rejected.class, verifyAt(request, now));
    }

    static SignedRequest withQuery(SignedRequest request, String query) {
        return new SignedRequest(request.method(), request.rawPath(), query, request.headers(), request.body());
    }

    @Test
    void withoutXAmzExpiresTheSignatureLastsFiveMinutesOnly() {
        SignedRequest request = presigned(null);
        assertFalse(request.rawQuery().contains("X-Amz-Expires"), request.rawQuery());
        assertInstanceOf(VerificationResult.Verified.class, verifyAt(request, SIGNED.plusSeconds(240)));
        VerificationResult.Rejected late = rejectedAt(request, SIGNED.plusSeconds(360));
        assertEquals(RejectReason.INVALID_SIGNATURE, late.reason());
        assertEquals("Signature expired: 20260302T100000Z is now earlier than 20260302T100100Z "
                + "(20260302T100600Z - 5 min.)", late.message());
        // Hours old: refused, however valid the signature.
        assertEquals("Signature expired: 20260302T100000Z is now earlier than 20260302T125500Z "
                + "(20260302T130000Z - 5 min.)", rejectedAt(request, SIGNED.plus(Duration.ofHours(3))).message());
        assertEquals("Signature not yet current: 20260302T100000Z is still later than 20260302T095900Z "
                + "(20260302T095400Z + 5 min.)", rejectedAt(request, SIGNED.minusSeconds(360)).message());
    }

    @Test
    void xAmzExpiresSetsTheWindow() {
        SignedRequest hour = presigned(Duration.ofHours(1));
        assertInstanceOf(VerificationResult.Verified.class, verifyAt(hour, SIGNED.plus(Duration.ofMinutes(59))));
        VerificationResult.Rejected expired = rejectedAt(hour, SIGNED.plus(Duration.ofMinutes(61)));
        assertEquals(RejectReason.INVALID_SIGNATURE, expired.reason());
        assertEquals("Signature expired: 20260302T100000Z is now earlier than 20260302T100100Z "
                + "(20260302T110100Z - 60 min.)", expired.message());

        SignedRequest week = presigned(Duration.ofDays(7));
        assertInstanceOf(VerificationResult.Verified.class, verifyAt(week, SIGNED.plus(Duration.ofDays(7))));
        assertEquals(RejectReason.INVALID_SIGNATURE, rejectedAt(week, SIGNED.plus(Duration.ofDays(7))
                .plusSeconds(1)).reason());
    }

    @Test
    void xAmzExpiresIsSignedSoItCannotBeStretched() {
        SignedRequest hour = presigned(Duration.ofHours(1));
        SignedRequest stretched = withQuery(hour, hour.rawQuery().replace("X-Amz-Expires=3600", "X-Amz-Expires=7200"));
        VerificationResult.Rejected rejected = rejectedAt(stretched, SIGNED.plus(Duration.ofMinutes(90)));
        assertEquals(RejectReason.INVALID_SIGNATURE, rejected.reason());
        assertTrue(rejected.message().startsWith("The request signature we calculated does not match"),
                rejected.message());
    }

    /** S3's answers for a malformed X-Amz-Expires, the AWS wording found for them. */
    @Test
    void malformedXAmzExpiresIsRefusedInAwsWords() {
        SignedRequest hour = presigned(Duration.ofHours(1));
        Map<String, String> cases = Map.of(
                "604801", "X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires "
                        + "must be less than 604800 seconds",
                "soon", "X-Amz-Expires should be a number",
                "-1", "X-Amz-Expires must be non-negative");
        cases.forEach((value, message) -> {
            VerificationResult.Rejected rejected = rejectedAt(withQuery(hour, hour.rawQuery()
                    .replace("X-Amz-Expires=3600", "X-Amz-Expires=" + value)), SIGNED);
            assertEquals(RejectReason.INCOMPLETE_SIGNATURE, rejected.reason(), value);
            assertEquals(message, rejected.message(), value);
        });
    }
}
