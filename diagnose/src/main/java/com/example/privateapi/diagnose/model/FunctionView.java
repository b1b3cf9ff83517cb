package com.example.privateapi.diagnose.model;

import java.util.List;
import java.util.Map;

/**
 * A Lambda function's configuration.
 *
 * @param name             the name the stack output gave (possibly qualified with an alias or version)
 * @param functionName     the bare function name (what Lambda puts in {@code AWS_LAMBDA_FUNCTION_NAME})
 * @param roleArn          its execution role
 * @param environment      its environment variables
 * @param subnetIds        its VPC subnets (empty outside a VPC)
 * @param securityGroupIds its security groups
 */
public record FunctionView(String name, String functionName, String roleArn, Map<String, String> environment,
                           List<String> subnetIds, List<String> securityGroupIds) {
    public FunctionView {
        environment = Map.copyOf(environment);
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    public String env(String name) {
        return environment.get(name);
    }
}
