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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SnapStart through the runtime interface client's own protocol, with hooks registered through org.crac as the
 * project's functions register them. What AWS documents: publishing a version runs init and the beforeCheckpoint
 * hooks, and a failing hook fails the publish; each cold start restores the snapshot and runs the afterRestore hooks
 * before the event (Lambda developer guide, "Lambda SnapStart runtime hooks for Java" and "Understanding the Lambda
 * execution environment lifecycle", Restore phase); an afterRestore failure is {@code SnapStartException}
 * (Lambda API reference, Invoke, Errors); a SnapStart function's credentials come from the container credentials
 * endpoint, not the key variables ("Activating and managing Lambda SnapStart", Using SnapStart with AWS SDKs);
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE} is {@code snap-start} ("Defined runtime environment variables").
 */
class SnapStartLifecycleTest {

    @TempDir
    static Path dir;
    static LocalLambda lambda;
    static Path jar;
    static final Credentials CREDENTIALS = new Credentials("ASIAFUNCTIONROLE0002", "secret", "token",
            Instant.parse("2030-01-01T00:00:00Z"), Principal.roleSession("arn:aws:iam::111111111111:role/FnRole",
            "AROAFNROLE0000000002", "fn"));

    @BeforeAll
    static void start() throws Exception {
        lambda = new LocalLambda(null, "us-east-1", null);
        jar = TestFunctionJar.build(dir, LocalLambda.defaultRuntimeDir());
    }

    @AfterAll
    static void stop() {
        lambda.close();
    }

    static FunctionSpec hooks(String name, Map<String, String> environment, boolean snapStart) {
        return new FunctionSpec(name, "arn:aws:lambda:us-east-1:111111111111:function:" + name, jar,
                "fn.Hooks::handleRequest", environment, Duration.ofSeconds(20), 256, Map.of(), snapStart);
    }

    static JsonObject answer(InvocationResult result) {
        assertNull(result.functionError(), result.payload() + "\n" + result.logTail());
        return JsonParser.parseString(result.payload()).getAsJsonObject();
    }

    @Test
    void publishRunsInitAndTheCheckpointHookAndEachColdStartRestores() {
        lambda.deploy(hooks("snap", Map.of(), true), CREDENTIALS);
        PublishResult published = lambda.publish("snap");
        assertTrue(published.published(), published.error());
        assertNotNull(published.initDuration());

        InvocationResult first = lambda.invoke("snap", "{}");
        JsonObject restored = answer(first);
        assertEquals("init snap-start,beforeCheckpoint,afterRestore,invoke", restored.get("lifecycle").getAsString());
        assertNotNull(first.restoreDuration(), "a SnapStart cold start reports its restore");
        assertNull(first.initDuration(), "and no init: that ran at publish");

        InvocationResult warm = lambda.invoke("snap", "{}");
        assertEquals("init snap-start,beforeCheckpoint,afterRestore,invoke,invoke",
                answer(warm).get("lifecycle").getAsString());
        assertNull(warm.restoreDuration());

        lambda.recycle("snap");
        InvocationResult second = lambda.invoke("snap", "{}");
        JsonObject again = answer(second);
        assertEquals("init snap-start,beforeCheckpoint,afterRestore,invoke", again.get("lifecycle").getAsString(),
                "a new environment restores again, its afterRestore hook included");
        assertNotEquals(restored.get("pid").getAsLong(), again.get("pid").getAsLong());
        assertNotNull(second.restoreDuration());
    }

    /**
     * Concurrent invocations of a SnapStart function each get an environment restored from a snapshot, with its own
     * afterRestore ("Understanding Lambda function scaling": one invocation per environment); here each snapshot is
     * a paused JVM, so the second environment's version is published again first.
     */
    @Test
    void concurrentInvocationsOfASnapStartFunctionEachRestoreAnEnvironment() throws Exception {
        lambda.deploy(hooks("snap-pool", Map.of(), true).withReservedConcurrency(2), CREDENTIALS);
        assertTrue(lambda.publish("snap-pool").published());
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = callers.submit(() -> lambda.invoke("snap-pool", "{\"sleep\":3000}"));
            var second = callers.submit(() -> lambda.invoke("snap-pool", "{\"sleep\":3000}"));
            InvocationResult a = first.get(90, java.util.concurrent.TimeUnit.SECONDS);
            InvocationResult b = second.get(90, java.util.concurrent.TimeUnit.SECONDS);
            for (InvocationResult result : List.of(a, b)) {
                assertEquals("init snap-start,beforeCheckpoint,afterRestore,invoke",
                        answer(result).get("lifecycle").getAsString());
                assertNotNull(result.restoreDuration());
            }
            assertNotEquals(answer(a).get("pid").getAsLong(), answer(b).get("pid").getAsLong());
        } finally {
            callers.shutdownNow();
        }
        assertEquals(2, lambda.environments("snap-pool"));
        assertNull(lambda.invoke("snap-pool", "{}").restoreDuration(), "an idle environment is reused");
    }

    @Test
    void aSnapStartFunctionGetsItsCredentialsFromTheContainerEndpointOnly() {
        lambda.deploy(hooks("snap-credentials", Map.of(), true), CREDENTIALS);
        JsonObject answer = answer(lambda.invoke("snap-credentials", "{}"));
        assertTrue(!answer.has("keyVariable") || answer.get("keyVariable").isJsonNull(),
                "no AWS_ACCESS_KEY_ID in a SnapStart environment");
        String served = answer.get("containerCredentials").getAsString();
        assertTrue(served.startsWith("200 "), served);
        JsonObject document = JsonParser.parseString(served.substring(4)).getAsJsonObject();
        assertEquals("ASIAFUNCTIONROLE0002", document.get("AccessKeyId").getAsString());
        assertEquals("token", document.get("Token").getAsString());
        assertEquals("2030-01-01T00:00:00Z", document.get("Expiration").getAsString());
        assertTrue(answer.get("withoutToken").getAsString().startsWith("403 "), answer.toString());
        assertEquals("1", answer.get("version").getAsString(), "SnapStart runs published versions");
    }

    @Test
    void onDemandFunctionsRunNoHooksAndKeepTheKeyVariables() {
        lambda.deploy(hooks("on-demand", Map.of(), false), CREDENTIALS);
        InvocationResult result = lambda.invoke("on-demand", "{}");
        JsonObject answer = answer(result);
        assertEquals("init on-demand,invoke", answer.get("lifecycle").getAsString());
        assertEquals("ASIAFUNCTIONROLE0002", answer.get("keyVariable").getAsString());
        assertFalse(answer.has("containerCredentials"));
        assertNotNull(result.initDuration());
        assertThrows(IllegalStateException.class, () -> lambda.publish("on-demand"),
                "publishing runs no init without SnapStart");
    }

    @Test
    void aFailingCheckpointHookFailsThePublishWithItsError() {
        Map<String, String> environment = new HashMap<>();
        environment.put("FAIL_BEFORE_CHECKPOINT", "1");
        lambda.deploy(hooks("bad-checkpoint", environment, true), CREDENTIALS);
        PublishResult published = lambda.publish("bad-checkpoint");
        assertFalse(published.published());
        assertTrue(published.error().contains("priming needs the network"), published.error());
        assertTrue(published.error().contains("BeforeCheckpointError"), published.error());

        InvocationResult invoked = lambda.invoke("bad-checkpoint", "{}");
        assertEquals("Unhandled", invoked.functionError());
        assertTrue(invoked.payload().contains("ResourceConflictException"), invoked.payload());
        assertTrue(invoked.payload().contains("priming needs the network"), invoked.payload());
    }

    @Test
    void aFailingRestoreHookFailsTheInvocationAsSnapStartException() {
        Map<String, String> environment = new HashMap<>();
        environment.put("FAIL_AFTER_RESTORE", "1");
        lambda.deploy(hooks("bad-restore", environment, true), CREDENTIALS);
        assertTrue(lambda.publish("bad-restore").published());
        InvocationResult invoked = lambda.invoke("bad-restore", "{}");
        assertEquals("Unhandled", invoked.functionError());
        JsonObject error = JsonParser.parseString(invoked.payload()).getAsJsonObject();
        assertEquals("SnapStartException", error.get("errorType").getAsString());
        assertTrue(error.get("errorMessage").getAsString().contains("AfterRestoreError"), invoked.payload());
        assertTrue(invoked.logTail().contains("no fresh state after restore"), "the function's log says why:\n"
                + invoked.logTail());
    }

    @Test
    void publishingAnUnknownFunctionIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> lambda.publish("nobody"));
    }
}
