package com.example.privateapi.client;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where Lambda puts the execution role's credentials ("Activating and managing Lambda SnapStart", Using SnapStart
 * with AWS SDKs): key variables on demand, the container credentials endpoint for SnapStart functions.
 */
class LambdaCredentialsTest {

    @Test
    void onDemandEnvironmentsUseTheKeyVariables() {
        assertInstanceOf(EnvironmentVariableCredentialsProvider.class, LambdaCredentials.fromEnvironment(
                Map.of("AWS_ACCESS_KEY_ID", "ASIA1", "AWS_SECRET_ACCESS_KEY", "s", "AWS_SESSION_TOKEN", "t")));
    }

    @Test
    void snapStartEnvironmentsUseTheContainerEndpoint() {
        assertInstanceOf(ContainerCredentialsProvider.class, LambdaCredentials.fromEnvironment(Map.of(
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9001/2021-04-23/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN", "token")));
    }

    @Test
    void neitherIsAConfigErrorSayingWhere() {
        ConfigException e = assertThrows(ConfigException.class, () -> LambdaCredentials.fromEnvironment(Map.of()));
        assertTrue(e.getMessage().contains("AWS_CONTAINER_CREDENTIALS_FULL_URI"), e.getMessage());
    }
}
