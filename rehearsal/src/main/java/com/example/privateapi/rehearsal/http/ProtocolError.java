package com.example.privateapi.rehearsal.http;

/**
 * Why a listener answered a request itself, without handing it on: its owner renders the answer in its service's
 * error format ({@link ErrorPage}).
 */
public enum ProtocolError {
    MALFORMED_REQUEST(400, "The request is not valid HTTP/1.1"),
    MALFORMED_PERCENT_ENCODING(400, "The request target has a malformed percent-encoding"),
    MISSING_HOST(400, "An HTTP/1.1 request needs exactly one valid Host header"),
    URI_TOO_LONG(414, "Request-URI Too Long"),
    HEADERS_TOO_LARGE(431, "Request Header Fields Too Large"),
    BODY_TOO_LARGE(413, "Request Too Long"),
    TIMEOUT(408, "Request Timeout: the request did not arrive in time"),
    EXPECTATION_FAILED(417, "Expectation Failed: only 100-continue is supported"),
    TRANSFER_ENCODING_NOT_IMPLEMENTED(501, "Not Implemented: only the chunked transfer coding is supported"),
    VERSION_NOT_SUPPORTED(505, "HTTP Version Not Supported: only HTTP/1.0 and HTTP/1.1 are served"),
    OVERLOADED(503, "Service Unavailable: too many connections"),
    INTERNAL(500, "Internal server error");

    private final int status;
    private final String message;

    ProtocolError(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public int status() {
        return status;
    }

    public String message() {
        return message;
    }
}
