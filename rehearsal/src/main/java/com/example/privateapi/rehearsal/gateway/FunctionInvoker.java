package com.example.privateapi.rehearsal.gateway;

/** Invokes a Lambda function synchronously, as API Gateway's proxy integration does. */
@FunctionalInterface
public interface FunctionInvoker {

    /**
     * @return the function's response payload
     * @throws IntegrationException when the function failed (function error, timeout, no such function)
     */
    String invoke(String functionArn, String eventJson) throws IntegrationException;

    /** The integration failed; API Gateway answers 502. */
    final class IntegrationException extends Exception {
        public IntegrationException(String message) {
            super(message);
        }
    }
}
