package com.example.privateapi.rehearsal.sts;

/**
 * An STS error answer.
 *
 * @param status  HTTP status
 * @param code    STS's error code, e.g. {@code AccessDenied}
 * @param message STS's message
 */
record StsError(int status, String code, String message) {

    static StsError validation(String message) {
        return new StsError(400, "ValidationError", message);
    }

    /** "The AWS query string is malformed or does not adhere to AWS standards" (400, "Common Errors"). */
    static StsError invalidQueryParameter(String detail) {
        return new StsError(400, "InvalidQueryParameter", detail);
    }

    /** "The request processing has failed because of an unknown error, exception or failure" (500). */
    static StsError internalFailure() {
        return new StsError(500, "InternalFailure", "The request processing has failed because of an unknown "
                + "error, exception or failure.");
    }

    static StsError accessDenied(String callerArn, String roleArn) {
        return new StsError(403, "AccessDenied", "User: " + callerArn + " is not authorized to perform: "
                + "sts:AssumeRole on resource: " + roleArn);
    }
}
