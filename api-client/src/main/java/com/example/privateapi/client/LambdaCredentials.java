package com.example.privateapi.client;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import java.util.Map;

/**
 * The execution role's credentials, from where Lambda puts them, chosen explicitly rather than by the SDK's
 * default chain (which builds and probes a provider for every place credentials could be, at a cold start's cost):
 * the {@code AWS_ACCESS_KEY_ID} variables on an on-demand start, the container credentials endpoint
 * ({@code AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) for a SnapStart
 * function, whose restored environments get no key variables.
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
        throw new ConfigException("No credentials to sign with: neither AWS_ACCESS_KEY_ID (an on-demand Lambda "
                + "environment) nor AWS_CONTAINER_CREDENTIALS_FULL_URI (a SnapStart one) is set. On Lambda they come "
                + "from the execution role; elsewhere set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.");
    }

    private static boolean present(Map<String, String> env, String name) {
        String value = env.get(name);
        return value != null && !value.isBlank();
    }
}
