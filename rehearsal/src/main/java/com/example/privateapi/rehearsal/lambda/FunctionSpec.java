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
 * @param memoryMb             the memory size (reported to the function, and the memory its JVM sizes itself for)
 * @param jvmSystemProperties  the network the function sees (proxy to its VPC endpoint, trust store)
 * @param snapStart            whether invocations reach a version published with SnapStart
 *                             ({@code SnapStart: ApplyOn: PublishedVersions} and an alias): each execution
 *                             environment is then restored from a snapshot taken after init and the
 *                             {@code beforeCheckpoint} hooks, and runs the {@code afterRestore} hooks first
 * @param reservedConcurrency  its reserved concurrency (ReservedConcurrentExecutions), or null when it draws on the
 *                             account's unreserved concurrency
 */
public record FunctionSpec(String name, String arn, Path codeJar, String handler, Map<String, String> environment,
                           Duration timeout, int memoryMb, Map<String, String> jvmSystemProperties, boolean snapStart,
                           Integer reservedConcurrency) {
    public FunctionSpec {
        environment = Map.copyOf(environment);
        jvmSystemProperties = Map.copyOf(jvmSystemProperties);
        if (reservedConcurrency != null && reservedConcurrency < 0) {
            throw new IllegalArgumentException("function " + name + ": reserved concurrency must not be negative");
        }
    }

    /** An unreserved function without SnapStart: every cold start runs init. */
    public FunctionSpec(String name, String arn, Path codeJar, String handler, Map<String, String> environment,
                        Duration timeout, int memoryMb, Map<String, String> jvmSystemProperties) {
        this(name, arn, codeJar, handler, environment, timeout, memoryMb, jvmSystemProperties, false, null);
    }

    /** An unreserved function. */
    public FunctionSpec(String name, String arn, Path codeJar, String handler, Map<String, String> environment,
                        Duration timeout, int memoryMb, Map<String, String> jvmSystemProperties, boolean snapStart) {
        this(name, arn, codeJar, handler, environment, timeout, memoryMb, jvmSystemProperties, snapStart, null);
    }

    public FunctionSpec withSnapStart(boolean on) {
        return new FunctionSpec(name, arn, codeJar, handler, environment, timeout, memoryMb, jvmSystemProperties, on,
                reservedConcurrency);
    }

    public FunctionSpec withEnvironment(Map<String, String> replaced) {
        return new FunctionSpec(name, arn, codeJar, handler, replaced, timeout, memoryMb, jvmSystemProperties,
                snapStart, reservedConcurrency);
    }

    /** @param reserved its reserved concurrency, or null to draw on the account's */
    public FunctionSpec withReservedConcurrency(Integer reserved) {
        return new FunctionSpec(name, arn, codeJar, handler, environment, timeout, memoryMb, jvmSystemProperties,
                snapStart, reserved);
    }

    /** The account the function belongs to, from its ARN. */
    public String accountId() {
        return arn.split(":")[4];
    }
}
