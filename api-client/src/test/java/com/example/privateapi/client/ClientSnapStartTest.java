package com.example.privateapi.client;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The clients' SnapStart hooks. Lambda's guidance ("Handling uniqueness with Lambda SnapStart"; "Activating and
 * managing Lambda SnapStart", Using SnapStart with AWS SDKs): priming must not depend on the network, and nothing
 * unique, no credentials, may be in the snapshot; each restored environment must get its own. Every provider the
 * function builds here stands for one environment's credentials (a new key each time), so two restores that shared
 * state would sign with the same key.
 */
class ClientSnapStartTest {

    LocalServers servers;
    SdkHttpClient http;
    final AtomicInteger providersBuilt = new AtomicInteger();
    final AtomicInteger resolved = new AtomicInteger();
    RenewableCredentials own;

    @BeforeEach
    void start() throws IOException {
        servers = new LocalServers();
        http = UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(2)).build();
        own = new RenewableCredentials(() -> {
            String key = "AKIDENVIRONMENT" + providersBuilt.incrementAndGet();
            return new AwsCredentialsProvider() {
                @Override
                public AwsCredentials resolveCredentials() {
                    resolved.incrementAndGet();
                    return AwsBasicCredentials.create(key, "secret");
                }
            };
        });
    }

    @AfterEach
    void stop() {
        servers.close();
        http.close();
    }

    ClientConfig config() {
        Map<String, String> env = ClientConfigTest.env();
        env.put("PRIVATE_DNS_ENABLED", "False");
        env.put("AWS_ENDPOINT_URL_STS", servers.stsUrl().toString());
        return ClientConfig.fromEnvironment(env);
    }

    SigningApiClient api() {
        return new SigningApiClient(http, new RequestSigner("execute-api", "us-east-1", Clock.systemUTC()),
                new ApiTarget(servers.apiUrl(), ApiTarget.of(config()).headers()));
    }

    @Test
    void directPrimingSendsNothingAndResolvesNoCredentials() throws Exception {
        new DirectAuthHandler(api(), own, JvmTls.load(), true, "fn").beforeCheckpoint(null);
        assertTrue(servers.api.isEmpty(), "priming must not reach the API");
        assertEquals(0, resolved.get(), "the snapshot must not hold the function's credentials");
    }

    @Test
    void assumeRolePrimingSendsNothingAndResolvesNoCredentials() throws Exception {
        new AssumeRoleHandler(config(), api(), http, JvmTls.load(), own, Clock.systemUTC())
                .beforeCheckpoint(null);
        assertTrue(servers.api.isEmpty(), "priming must not reach the API");
        assertTrue(servers.sts.isEmpty(), "priming must not reach STS");
        assertEquals(0, resolved.get(), "the snapshot must not hold the function's credentials");
    }

    @Test
    void directClientRestoredTwiceSignsWithEachEnvironmentsOwnCredentials() throws Exception {
        DirectAuthHandler handler = new DirectAuthHandler(api(), own, JvmTls.load(), true, "fn");
        handler.beforeCheckpoint(null);
        AwsCredentialsProvider atCheckpoint = own.current();
        handler.afterRestore(null);
        AwsCredentialsProvider first = own.current();
        handler.call();
        handler.afterRestore(null);
        handler.call();
        assertNotSame(atCheckpoint, first);
        assertNotSame(first, own.current());
        List<String> signers = LocalServers.signers(servers.api);
        assertEquals(2, signers.size());
        assertNotEquals(signers.get(0), signers.get(1), "two restores, two environments' credentials");
    }

    @Test
    void assumeRoleClientRestoredTwiceAssumesTheRoleAgainAndKeepsOneCallPerLifetime() throws Exception {
        AssumeRoleHandler handler = new AssumeRoleHandler(config(), api(), http, JvmTls.load(), own,
                Clock.systemUTC());
        handler.beforeCheckpoint(null);

        handler.afterRestore(null);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, handler.call().statusCode());
        }
        handler.afterRestore(null);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, handler.call().statusCode());
        }

        assertEquals(2, servers.sts.size(), "one AssumeRole per environment's credential lifetime, not per call");
        List<String> askers = LocalServers.signers(servers.sts);
        assertNotEquals(askers.get(0), askers.get(1), "each environment asks STS with its own credentials");
        assertEquals(List.of("ASIAASSUMED1", "ASIAASSUMED1", "ASIAASSUMED1", "ASIAASSUMED2", "ASIAASSUMED2",
                "ASIAASSUMED2"), LocalServers.signers(servers.api), "no assumed credentials carried across restores");
    }
}
