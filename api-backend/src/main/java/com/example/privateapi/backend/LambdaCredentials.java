package com.example.privateapi.backend;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import java.util.Map;

/**
 * The execution role's credentials, from where Lambda puts them, chosen explicitly rather than by the SDK's default
 * chain: the key variables on an on-demand start, the container credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI}) for a SnapStart function, whose restored environments get no key
 * variables.
 */
final class LambdaCredentials {

    private LambdaCredentials() {
    }

    static AwsCredentialsProvider fromEnvironment(Map<String, String> env) {
        if (present(env, "AWS_ACCESS_KEY_ID")) {
            return EnvironmentVariableCredentialsProvider.create();
        }
        if (present(env, "AWS_CONTAINER_CREDENTIALS_FULL_URI")) {
            return ContainerCredentialsProvider.builder().build();
        }
        throw new IllegalStateException("No credentials for DynamoDB: neither AWS_ACCESS_KEY_ID (an on-demand Lambda "
                + "environment) nor AWS_CONTAINER_CREDENTIALS_FULL_URI (a SnapStart one) is set");
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
