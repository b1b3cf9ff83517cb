package com.example.privateapi.diagnose.aws;

import com.example.privateapi.diagnose.model.Read;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes one read and turns its failure into a {@link Read.Failed} a user can act on: a refused permission names
 * the IAM action, refused credentials name the profile, a missing resource says so.
 */
final class Attempt {

    /** Error codes of services refusing a permission (EC2 says UnauthorizedOperation). */
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException",
            "UnauthorizedOperation", "UnauthorizedAccess", "AuthorizationError", "Forbidden",
            "ForbiddenException");
    /** Error codes of services refusing the credentials themselves. */
    private static final Set<String> BAD_CREDENTIALS = Set.of("InvalidClientTokenId", "ExpiredToken",
            "ExpiredTokenException", "UnrecognizedClientException", "AuthFailure", "SignatureDoesNotMatch",
            "InvalidSignatureException", "InvalidAccessKeyId", "IncompleteSignature", "RequestExpired");

    private final String profile;

    Attempt(String profile) {
        this.profile = profile;
    }

    /** Signals, from inside a read, that what was looked for does not exist. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Runs {@code body}, one or more calls of the kind {@code call}.
     *
     * @param what     what is being read, for the failure line: {@code the endpoint vpce-0123}
     * @param notFound what to say when the service answers that it does not exist
     */
    <T> Read<T> read(Call call, String what, String notFound, Supplier<T> body) {
        try {
            return Read.ok(body.get());
        } catch (NotFound e) {
            return Read.failed(what, e.getMessage());
        } catch (CallFailure e) {
            return Read.failed(what, e.getMessage());
        } catch (AwsServiceException e) {
            return Read.failed(what, explain(call, e, notFound));
        } catch (SdkClientException e) {
            return Read.failed(what, call.operation() + " failed: " + firstLine(e.getMessage()));
        }
    }

    /** Runs a nested call, so that its failure names its own permission rather than the enclosing read's. */
    <T> T call(Call call, String notFound, Supplier<T> body) {
        try {
            return body.get();
        } catch (AwsServiceException e) {
            throw new CallFailure(explain(call, e, notFound));
        } catch (SdkClientException e) {
            throw new CallFailure(call.operation() + " failed: " + firstLine(e.getMessage()));
        }
    }

    private static final class CallFailure extends RuntimeException {
        CallFailure(String message) {
            super(message, null, false, false);
        }
    }

    private String explain(Call call, AwsServiceException e, String notFound) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String message = e.awsErrorDetails() == null || e.awsErrorDetails().errorMessage() == null
                ? firstLine(e.getMessage()) : e.awsErrorDetails().errorMessage();
        if (code != null && BAD_CREDENTIALS.contains(code)) {
            return "the credentials of profile " + profile + " were refused (" + code + ": " + message + ")";
        }
        if ((code != null && DENIED.contains(code)) || e.statusCode() == 403) {
            return call.action() + " denied";
        }
        if (notFound != null && isNotFound(code, message, e.statusCode())) {
            return notFound;
        }
        return call.operation() + " failed: " + (code == null || code.isEmpty() ? "" : code + ": ") + message;
    }

    private static boolean isNotFound(String code, String message, int status) {
        if (status == 404) {
            return true;
        }
        String c = code == null ? "" : code;
        return c.endsWith("NotFound") || c.endsWith("NotFoundException") || c.equals("NoSuchEntity")
                || c.endsWith(".NotFound") || (message != null && message.contains("does not exist"));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no message";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
