package com.example.privateapi.diagnose.aws;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.ArrayList;
import java.util.List;

/**
 * Refuses, before anything is sent, every SDK operation that is not one of the read-only {@link Call}s, and keeps
 * the list of the calls made. One guard per account.
 */
public final class ReadOnlyGuard implements ExecutionInterceptor {

    private final List<String> made = new ArrayList<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        if (Call.ofOperation(operation).isEmpty()) {
            throw new IllegalStateException("refused " + service + " " + operation
                    + ": the diagnosis makes only the read-only calls of --list-calls");
        }
        synchronized (made) {
            made.add(service + " " + operation);
        }
    }

    /** The calls made so far, as {@code SERVICE OPERATION}, in order. */
    public List<String> made() {
        synchronized (made) {
            return List.copyOf(made);
        }
    }
}
