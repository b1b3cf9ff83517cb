package com.example.privateapi.backend;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backend's SnapStart hooks, with its real DynamoDB client against a loopback server standing for DynamoDB that
 * records who signed each request. Lambda's guidance ("Handling uniqueness with Lambda SnapStart"; "Activating and
 * managing Lambda SnapStart", Using SnapStart with AWS SDKs): nothing unique, and no credentials, in the snapshot;
 * each restored environment gets its own.
 */
class BackendSnapStartTest {

    private static final Pattern ACCESS_KEY = Pattern.compile("Credential=([A-Z0-9]+)/");

    HttpServer dynamo;
    final List<String> signers = new CopyOnWriteArrayList<>();
    final AtomicInteger providersBuilt = new AtomicInteger();
    final AtomicInteger resolved = new AtomicInteger();
    RenewableCredentials credentials;
    BackendHandler handler;

    @BeforeEach
    void start() throws IOException {
        dynamo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        dynamo.createContext("/", exchange -> {
            Matcher key = ACCESS_KEY.matcher(exchange.getRequestHeaders().getFirst("Authorization"));
            signers.add(key.find() ? key.group(1) : "unsigned");
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        dynamo.start();
        // Each provider the function builds stands for one environment's own credentials.
        credentials = new RenewableCredentials(() -> {
            String key = "ASIAENVIRONMENT" + providersBuilt.incrementAndGet();
            return new AwsCredentialsProvider() {
                @Override
                public AwsCredentials resolveCredentials() {
                    resolved.incrementAndGet();
                    return AwsBasicCredentials.create(key, "secret");
                }
            };
        });
        BackendConfig config = new BackendConfig("requests", "us-east-1", true);
        var tls = JvmTls.load();
        handler = new BackendHandler(DynamoDbRequestStore.forFunction(config, credentials, tls,
                URI.create("http://127.0.0.1:" + dynamo.getAddress().getPort())), Clock.systemUTC(), credentials,
                tls, true, "dynamodb.us-east-1.amazonaws.com");
    }

    @AfterEach
    void stop() {
        dynamo.stop(0);
    }

    @Test
    void primingSendsNothingAndResolvesNoCredentials() throws Exception {
        handler.beforeCheckpoint(null);
        assertEquals(List.of(), signers, "priming must not reach DynamoDB");
        assertEquals(0, resolved.get(), "the snapshot must not hold the function's credentials");
    }

    @Test
    void eachRestoreSignsWithItsOwnCredentials() throws Exception {
        handler.beforeCheckpoint(null);
        AwsCredentialsProvider atCheckpoint = credentials.current();

        handler.afterRestore(null);
        AwsCredentialsProvider first = credentials.current();
        assertEquals(200, handler.handle(Events.get("/", "/", "restored-1", null)).getStatusCode());

        handler.afterRestore(null);
        AwsCredentialsProvider second = credentials.current();
        assertEquals(200, handler.handle(Events.get("/", "/", "restored-2", null)).getStatusCode());

        assertNotSame(atCheckpoint, first);
        assertNotSame(first, second);
        assertEquals(2, signers.size(), signers.toString());
        assertNotEquals(signers.get(0), signers.get(1), "two restores, two environments' credentials");
        assertTrue(signers.stream().noneMatch(s -> s.startsWith("AKIAPRIMING")), signers.toString());
    }

    @Test
    void withoutPrimingTheCheckpointHookDoesNothing() throws Exception {
        BackendHandler unprimed = new BackendHandler(DynamoDbRequestStore.forFunction(
                new BackendConfig("requests", "us-east-1", false), credentials, JvmTls.load(),
                URI.create("http://127.0.0.1:" + dynamo.getAddress().getPort())), Clock.systemUTC(), credentials,
                null, false, null);
        int built = providersBuilt.get();
        unprimed.beforeCheckpoint(null);
        assertEquals(built, providersBuilt.get());
        assertEquals(List.of(), signers);
    }
}
