package com.example.privateapi.rehearsal.gateway;

/** Invokes a Lambda function synchronously, as API Gateway's proxy integration does. */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * @return the function's response payload
     * @throws IntegrationException when the function failed (function error, timeout, no such function)
     */
    String invoke(String functionArn, String eventJson) throws IntegrationException;

    /**
     * Lambda throttled the invocation (429 TooManyRequestsException): the function had no free execution
     * environment and may not start another. API Gateway answers 500.
     */
    final class Throttled extends IntegrationException {
        public Throttled(String message) {
            super(message);
        }
    }

    /** The integration failed; API Gateway answers 502. */
    class IntegrationException extends Exception {
        public IntegrationException(String message) {
            super(message);
        }
    }
}
