package com.example.privateapi.rehearsal.sts;

/** Error codes for answers STS documents no code for: named after their HTTP status. */
final class ResponseCodes {

    private ResponseCodes() {
    }

    static String name(int status) {
        return switch (status) {
            case 400 -> "BadRequest";
            case 408 -> "RequestTimeout";
            case 413 -> "RequestEntityTooLarge";
            case 414 -> "RequestURITooLong";
            case 417 -> "ExpectationFailed";
            case 431 -> "RequestHeaderFieldsTooLarge";
            case 501 -> "NotImplemented";
            case 505 -> "HTTPVersionNotSupported";
            default -> "HTTP" + status;
        };
    }
}
