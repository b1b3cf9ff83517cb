package com.example.privateapi.rehearsal.lambda;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A function as deployed: what Lambda would run and how.
 *
 * @param name                 the function name
 * @param arn                  the function ARN
 * @param codeJar              the deployment package (the jar the build produced)
 * @param handler              {@code package.Class::method}, as in the template
 * @param environment          the template's environment variables plus the rehearsal's endpoint overrides
 * @param timeout              the function timeout
 * @param memoryMb             the memory size (reported to the function, and its heap limit)
 * @param jvmSystemProperties  the network the function sees (proxy to its VPC endpoint, trust store)
 * @param reservedConcurrency  its reserved concurrency (ReservedConcurrentExecutions), or null when it draws on the
 *                             account's unreserved concurrency
 */
public record FunctionSpec(String name, String arn, Path codeJar, String handler, Map<String, String> environment,
                           Duration timeout, int memoryMb, Map<String, String> jvmSystemProperties,
                           Integer reservedConcurrency) {
    public FunctionSpec {
        environment = Map.copyOf(environment);
        jvmSystemProperties = Map.copyOf(jvmSystemProperties);
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("function " + name + ": reserved concurrency must not be negative");
        }
    }

    /** An unreserved function. */
    public FunctionSpec(String name, String arn, Path codeJar, String handler, Map<String, String> environment,
                        Duration timeout, int memoryMb, Map<String, String> jvmSystemProperties) {
        this(name, arn, codeJar, handler, environment, timeout, memoryMb, jvmSystemProperties, null);
    }

    /** The account the function belongs to, from its ARN. */
    public String accountId() {
        return arn.split(":")[4];
    }
}
