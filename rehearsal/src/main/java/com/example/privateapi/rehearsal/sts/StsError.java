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

    static StsError accessDenied(String callerArn, String roleArn) {
        return new StsError(403, "AccessDenied", "User: " + callerArn + " is not authorized to perform: "
                + "sts:AssumeRole on resource: " + roleArn);
    }
}
