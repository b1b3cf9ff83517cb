package com.example.privateapi.rehearsal.sigv4;

/** Why a request's signature was refused, with the error names API Gateway and STS use for it. */
public enum RejectReason {
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationTokenException", "MissingAuthenticationToken"),
    INCOMPLETE_SIGNATURE("IncompleteSignatureException", "IncompleteSignature"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", "InvalidClientTokenId"),
    INVALID_SIGNATURE("InvalidSignatureException", "SignatureDoesNotMatch"),
    EXPIRED_TOKEN("ExpiredTokenException", "ExpiredToken");

    private final String errorType;
    private final String stsCode;

    RejectReason(String errorType, String stsCode) {
        this.errorType = errorType;
        this.stsCode = stsCode;
    }

    /** API Gateway's {@code x-amzn-ErrorType}. */
    public String errorType() {
        return errorType;
    }

    /** STS's XML error code. */
    public String stsCode() {
        return stsCode;
    }

    /**
     * The status STS answers with: "IncompleteSignature: The request signature does not conform to AWS standards.
     * HTTP Status Code: 400" (AWS STS API Reference, "Common Errors"); the others are 403.
     */
    public int stsStatus() {
        return this == INCOMPLETE_SIGNATURE ? 400 : 403;
    }
}
