package com.example.privateapi.rehearsal.gateway;

import com.example.privateapi.iam.Decision;
import com.example.privateapi.iam.Outcome;
import com.example.privateapi.iam.ParsedRequest;
import com.example.privateapi.iam.Policy;
import com.example.privateapi.iam.apigateway.ExecuteApiContext;
import com.example.privateapi.iam.PolicyEvaluator;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.identity.IdentityStore;
import com.example.privateapi.rehearsal.sigv4.RejectReason;
import com.example.privateapi.rehearsal.sigv4.SigV4Verifier;
import com.example.privateapi.rehearsal.sigv4.SignedRequest;
import com.example.privateapi.rehearsal.sigv4.VerificationResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Who may call a private API's method, decided as API Gateway does for IAM auth: the request must come through a
 * VPC endpoint, carry a valid SigV4 signature, and be allowed by the caller's identity policies, the API's resource
 * policy and the endpoint's policy. Its answer says which check refused, for the access log's
 * {@code authenticate} and {@code authorize} fields.
 */
public final class RequestAuthorizer {

    /** The outcome: the caller, or the answer API Gateway gives instead. */
    public sealed interface Authorization {

        /** The authenticated caller, or null when the request was refused before its signature was verified. */
        Credentials caller();
    }

    /** The checks, in API Gateway's order. */
    enum Check {
        /** The request arrived through an interface VPC endpoint. */
        ENDPOINT,
        /** Its signature is valid (the access log's {@code authenticate}). */
        AUTHENTICATE,
        /** The policies allow the caller (the access log's {@code authorize}). */
        AUTHORIZE
    }

    /** @param identityPolicies the caller's identity policies, as authorization evaluated them */
    record Granted(Credentials caller, List<Policy> identityPolicies) implements Authorization {
    }

    /**
     * @param failed      the check that refused
     * @param explanation which policy statement decided, for a refusal by policy; else null
     * @param caller      the authenticated caller when the signature was valid, else null
     */
    record Refused(GatewayError error, String responseType, String explanation, Check failed, Credentials caller)
            implements Authorization {
    }

    private final String region;
    private final SigV4Verifier verifier;
    private final IdentityStore identities;
    private final PolicyEvaluator evaluator;

    public RequestAuthorizer(String region, SigV4Verifier verifier, IdentityStore identities,
                             PolicyEvaluator evaluator) {
        this.region = region;
        this.verifier = verifier;
        this.identities = identities;
        this.evaluator = evaluator;
    }

    Authorization authorize(GatewayRequest request, ApiDefinition api, String resourceArn, Instant now) {
        if (request.endpoint() == null) {
            return new Refused(GatewayError.accessDenied("anonymous", resourceArn, false), "ACCESS_DENIED",
                    "The request did not come through an interface VPC endpoint for execute-api: a private API "
                            + "answers only requests that arrive through one.", Check.ENDPOINT, null);
        }
        VerificationResult verified = verifier.verify(new SignedRequest(request.method(), request.rawPath(),
                request.rawQuery(), request.headers(), request.body()), "execute-api", region);
        if (verified instanceof VerificationResult.Rejected rejected) {
            GatewayError error = rejected.reason() == RejectReason.MISSING_AUTHENTICATION_TOKEN
                    ? GatewayError.missingAuthenticationToken()
                    : new GatewayError(403, rejected.reason().errorType(), rejected.message(), "message");
            return new Refused(error, responseType(rejected.reason()), null, Check.AUTHENTICATE, null);
        }
        Credentials caller = ((VerificationResult.Verified) verified).credentials();

        List<Policy> identityPolicies = identities.identityPolicies(caller.principal());
        Decision decision = evaluator.evaluate(new ParsedRequest(caller.principal(), "execute-api:Invoke",
                resourceArn, api.accountId(), conditionContext(request, now), identityPolicies,
                api.resourcePolicy(), request.endpoint().policy()));
        if (!decision.allowed()) {
            return new Refused(GatewayError.accessDenied(caller.principal().arn(), resourceArn,
                    decision.outcome() == Outcome.EXPLICIT_DENY), "ACCESS_DENIED", decision.reason(), Check.AUTHORIZE,
                    caller);
        }
        return new Granted(caller, identityPolicies);
    }

    /** The condition keys API Gateway sets for a request through an interface endpoint. */
    private Map<String, List<String>> conditionContext(GatewayRequest request, Instant now) {
        Map<String, List<String>> context = ExecuteApiContext.throughEndpoint(request.endpoint().id(),
                request.endpoint().vpcId(), region, now);
        context.put("aws:VpcSourceIp", List.of(request.sourceIp()));
        String userAgent = request.header("user-agent");
        if (userAgent != null) {
            context.put("aws:UserAgent", List.of(userAgent));
        }
        return context;
    }

    private static String responseType(RejectReason reason) {
        return switch (reason) {
            case MISSING_AUTHENTICATION_TOKEN -> "MISSING_AUTHENTICATION_TOKEN";
            case EXPIRED_TOKEN -> "EXPIRED_TOKEN";
            case UNRECOGNIZED_CLIENT -> "UNAUTHORIZED";
            default -> "INVALID_SIGNATURE";
        };
    }
}
