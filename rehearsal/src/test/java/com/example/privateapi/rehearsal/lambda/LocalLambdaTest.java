package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.iam.Principal;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Functions run through the real AWS Lambda Java runtime interface client, each in its own JVM. */
class LocalLambdaTest {

    @TempDir
    static Path dir;
    static LocalLambda lambda;
    static Path jar;
    static final Credentials CREDENTIALS = new Credentials("ASIAFUNCTIONROLE0001", "secret", "token",
            Instant.now().plusSeconds(3600), Principal.roleSession("arn:aws:iam::111111111111:role/FnRole",
            "AROAFNROLE0000000001", "fn"));

    @BeforeAll
    static void start() throws Exception {
        lambda = new LocalLambda(null, "us-east-1", null);
        jar = TestFunctionJar.build(dir, LocalLambda.defaultRuntimeDir());
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    static FunctionSpec spec(String name, String handler, Duration timeout) {
        return new FunctionSpec(name, "arn:aws:lambda:us-east-1:111111111111:function:" + name, jar, handler,
                Map.of("GREETING", "hello"), timeout, 256, Map.of());
    }

    @Test
    void aHandlerRunsWithItsEnvironmentAndRoleCredentials() {
        lambda.deploy(spec("echo", "fn.Echo::handleRequest", Duration.ofSeconds(20)), CREDENTIALS);
        InvocationResult first = lambda.invoke("echo", "{\"n\":1}");
        assertNull(first.functionError(), first.payload() + "\n" + first.logTail());
        JsonObject answer = JsonParser.parseString(first.payload()).getAsJsonObject();
        assertEquals("echo", answer.get("function").getAsString());
        assertEquals("hello", answer.get("greeting").getAsString());
        assertEquals("ASIAFUNCTIONROLE0001", answer.get("accessKey").getAsString());
        assertTrue(!answer.has("home") || answer.get("home").isJsonNull(), "the parent's environment does not leak into the function");
        assertEquals(1, answer.getAsJsonObject("input").get("n").getAsInt());

        InvocationResult second = lambda.invoke("echo", "{\"n\":2}");
        assertEquals(2, JsonParser.parseString(second.payload()).getAsJsonObject().getAsJsonObject("input")
                .get("n").getAsInt());
        assertTrue(second.logTail().contains("echo {n=2"), second.logTail());
    }

    @Test
    void aThrowingHandlerIsAnUnhandledFunctionError() {
        lambda.deploy(spec("failing", "fn.Echo::handleRequest", Duration.ofSeconds(20)), CREDENTIALS);
        InvocationResult result = lambda.invoke("failing", "{\"fail\":true}");
        assertEquals("Unhandled", result.functionError());
        JsonObject error = JsonParser.parseString(result.payload()).getAsJsonObject();
        assertEquals("asked to fail", error.get("errorMessage").getAsString());
        assertEquals("java.lang.IllegalStateException", error.get("errorType").getAsString());
    }

    @Test
    void aHandlerMissingFromTheJarFailsInitAsOnLambda() {
        lambda.deploy(spec("misnamed", "fn.Nope::handleRequest", Duration.ofSeconds(20)), CREDENTIALS);
        InvocationResult result = lambda.invoke("misnamed", "{}");
        assertEquals("Unhandled", result.functionError());
        assertTrue(result.payload().contains("fn.Nope"), result.payload());
    }

    @Test
    void aSlowHandlerTimesOutAndTheFunctionWorksAgainAfterwards() {
        lambda.deploy(spec("slow", "fn.Echo::handleRequest", Duration.ofSeconds(2)), CREDENTIALS);
        assertNull(lambda.invoke("slow", "{}").functionError(), "warm-up");
        InvocationResult timedOut = lambda.invoke("slow", "{\"sleep\":70000}");
        assertEquals("Unhandled", timedOut.functionError());
        assertTrue(timedOut.payload().contains("Task timed out after 2.00 seconds"), timedOut.payload() + "\n" + timedOut.logTail());
        assertNull(lambda.invoke("slow", "{}").functionError());
    }

    /**
     * Concurrent invocations run in environments of their own, up to the function's reserved concurrency; the one
     * beyond it is throttled as Lambda throttles (429 TooManyRequestsException); idle environments are reused.
     */
    @Test
    void concurrentInvocationsScaleOutToTheReservedConcurrencyAndNoFurther() throws Exception {
        lambda.deploy(spec("busy", "fn.Echo::handleRequest", Duration.ofSeconds(60)).withReservedConcurrency(2),
                CREDENTIALS);
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.List<java.util.concurrent.Future<InvocationResult>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(callers.submit(() -> lambda.invoke("busy", "{\"sleep\":4000}")));
            }
            // Both invocations are in flight (each starting its own environment) when the third arrives.
            long deadline = System.currentTimeMillis() + 30_000;
            while (lambda.environments("busy") < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            InvocationResult third = lambda.invoke("busy", "{}");
            assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", third.throttleReason(), third.payload());
            assertTrue(third.payload().contains("Rate Exceeded."), third.payload());
            for (var call : calls) {
                InvocationResult result = call.get(90, java.util.concurrent.TimeUnit.SECONDS);
                assertNull(result.functionError(), result.payload() + "\n" + result.logTail());
                assertTrue(result.initDuration() != null, "each ran in an environment started for it");
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(2, lambda.environments("busy"));
        assertEquals(2, lambda.coldStarts("busy"));
        InvocationResult warm = lambda.invoke("busy", "{}");
        assertNull(warm.functionError());
        assertNull(warm.initDuration(), "an idle environment is reused");
        assertEquals(2, lambda.coldStarts("busy"));
    }

    @Test
    void aReservedConcurrencyOfZeroThrottlesEveryInvocation() {
        lambda.deploy(spec("off", "fn.Echo::handleRequest", Duration.ofSeconds(20)).withReservedConcurrency(0),
                CREDENTIALS);
        assertEquals("ReservedFunctionConcurrentInvocationLimitExceeded", lambda.invoke("off", "{}").throttleReason());
        assertEquals(0, lambda.environments("off"));
    }

    @Test
    void anUnknownFunctionIsResourceNotFound() {
        assertTrue(lambda.invoke("nobody", "{}").payload().contains("ResourceNotFoundException"));
    }
}
