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
 */
public record FunctionSpec(String name, String arn, Path codeJar, String handler, Map<String, String> environment,
                           Duration timeout, int memoryMb, Map<String, String> jvmSystemProperties) {
    public FunctionSpec {
        environment = Map.copyOf(environment);
        jvmSystemProperties = Map.copyOf(jvmSystemProperties);
    }
}
