package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment of a function: its own JVM running the AWS Lambda Java runtime interface client against
 * a Runtime API served here, with the function's environment and its role's credentials. One invocation at a time,
 * as in Lambda.
 *
 * <p>On demand, it starts at its first invocation, which waits for init. With SnapStart, {@link #checkpoint} runs
 * init and the beforeCheckpoint hooks and stops the runtime where Lambda takes the snapshot; the first invocation
 * then resumes it, and the runtime runs the afterRestore hooks before it takes the event. A JVM cannot be copied
 * here, so every environment runs its own init before it is needed; what an invocation sees is the restore.
 */
final class ExecutionEnvironment implements AutoCloseable {

    /** Lambda gives init 10 s; a JVM on a loaded machine gets more here, since only a packaging error should fail. */
    static final Duration INIT_ALLOWANCE = Duration.ofSeconds(60);
    /** The restore phase, afterRestore hooks included, must finish within 10 s (SnapStartTimeoutException). */
    static final Duration RESTORE_LIMIT = Duration.ofSeconds(10);

    private enum Phase { NEW, CHECKPOINTED, RUNNING, ENDED }

    private final FunctionSpec spec;
    private final Credentials credentials;
    private final RuntimeLaunch launch;
    private final String region;
    private final CredentialsEndpoint credentialsEndpoint;
    private final LogTail log;
    private Phase phase = Phase.NEW;
    private RuntimeApi api;
    private volatile Process process;
    private String credentialsToken;
    private long startedAt;

    /**
     * @param credentialsEndpoint serves the role's credentials to a SnapStart environment; null for on-demand ones,
     *                            which get them in {@code AWS_ACCESS_KEY_ID} and the like
     */
    ExecutionEnvironment(FunctionSpec spec, Credentials credentials, RuntimeLaunch launch, String region,
                         CredentialsEndpoint credentialsEndpoint, PrintStream echo) {
        this.spec = spec;
        this.credentials = credentials;
        this.launch = launch;
        this.region = region;
        this.credentialsEndpoint = credentialsEndpoint;
        this.log = new LogTail(spec.name(), echo);
    }

    /**
     * Runs init and the beforeCheckpoint hooks (SnapStart's publish) and leaves the runtime waiting to be resumed.
     * A failing hook, like a failing init, fails the publish with the runtime's report of it.
     */
    synchronized PublishResult checkpoint() {
        if (phase != Phase.NEW) {
            throw new IllegalStateException("environment of " + spec.name() + " already started");
        }
        try {
            start(InitType.SNAP_START);
        } catch (IOException e) {
            return new PublishResult(spec.name(), null, "could not start the function's runtime: " + e.getMessage());
        }
        CompletableFuture<Object> outcome = CompletableFuture.anyOf(api.checkpointed, api.initError,
                process.onExit());
        try {
            outcome.get(INIT_ALLOWANCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            end();
            return new PublishResult(spec.name(), null, "init did not finish within "
                    + INIT_ALLOWANCE.toSeconds() + " s");
        } catch (ExecutionException | InterruptedException e) {
            end();
            return new PublishResult(spec.name(), null, "interrupted while publishing");
        }
        if (api.checkpointed.isDone()) {
            phase = Phase.CHECKPOINTED;
            return new PublishResult(spec.name(), Duration.ofNanos(api.checkpointed.join() - startedAt), null);
        }
        // The runtime reports the hook's exception in its log (Lambda's CloudWatch logs): it says what failed.
        String error = (api.initError.isDone() ? describe(api.initError.join())
                : "Runtime exited with error: exit status " + process.exitValue()) + "\n" + log.text();
        end();
        return new PublishResult(spec.name(), null, error);
    }

    synchronized InvocationResult invoke(String payload) {
        if (phase == Phase.ENDED) {
            throw new IllegalStateException("environment of " + spec.name() + " has ended");
        }
        boolean onDemandColdStart = phase == Phase.NEW;
        Duration restored = null;
        if (onDemandColdStart) {
            try {
                start(InitType.ON_DEMAND);
            } catch (IOException e) {
                end();
                return InvocationResult.serviceError("Runtime.StartFailed",
                        "could not start the function's runtime: " + e.getMessage(), log.text());
            }
            phase = Phase.RUNNING;
        } else if (phase == Phase.CHECKPOINTED) {
            long resumedAt = System.nanoTime();
            InvocationResult failed = restore();
            if (failed != null) {
                return failed;
            }
            restored = Duration.ofNanos(api.firstNext.join() - resumedAt);
        }
        RuntimeApi.Invocation invocation = api.submit(UUID.randomUUID().toString(), payload);
        try {
            // The function's timeout runs from the moment its runtime takes the event, as on Lambda.
            CompletableFuture.anyOf(invocation.pickedUp(), invocation.result())
                    .get(INIT_ALLOWANCE.toMillis(), TimeUnit.MILLISECONDS);
            InvocationResult result = invocation.result().get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            result = result.withLogTail(result.functionError() == null ? log.textNow() : log.text());
            if (onDemandColdStart && api.firstNext.isDone()) {
                return result.withInitDuration(Duration.ofNanos(api.firstNext.join() - startedAt));
            }
            return restored != null ? result.withRestoreDuration(restored) : result;
        } catch (TimeoutException e) {
            String tail = log.text();
            end();
            return InvocationResult.serviceError("Sandbox.Timedout", "Task timed out after "
                    + spec.timeout().toSeconds() + ".00 seconds", tail);
        } catch (ExecutionException e) {
            return InvocationResult.serviceError("Runtime.Failed", e.getCause().getMessage(), log.text());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return InvocationResult.serviceError("Runtime.Interrupted", "interrupted while waiting for the function",
                    log.text());
        }
    }

    /** Resumes the snapshot; null when the runtime is ready for the event, else the failure the caller gets. */
    private InvocationResult restore() {
        api.resumed.complete(null);
        CompletableFuture<Object> outcome = CompletableFuture.anyOf(api.firstNext, api.restoreError,
                process.onExit());
        try {
            outcome.get(RESTORE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            end();
            return InvocationResult.serviceError("SnapStartTimeoutException", "Lambda couldn't restore the snapshot "
                    + "within the timeout limit.", log.text());
        } catch (ExecutionException | InterruptedException e) {
            end();
            return InvocationResult.serviceError("Runtime.Interrupted", "interrupted while restoring", log.text());
        }
        if (api.firstNext.isDone()) {
            phase = Phase.RUNNING;
            return null;
        }
        String why = api.restoreError.isDone() ? describe(api.restoreError.join())
                : "Runtime exited with error: exit status " + process.exitValue();
        // Read before ending: ending the process closes its output, and what was not read yet would be lost.
        String tail = log.text();
        end();
        return InvocationResult.serviceError("SnapStartException", "The afterRestore() runtime hook encountered an "
                + "error: " + why, tail);
    }

    private void start(InitType type) throws IOException {
        api = new RuntimeApi(spec);
        Map<String, String> env = RuntimeLaunch.environment(spec, region, api.port(), type);
        if (type == InitType.SNAP_START) {
            // A SnapStart runtime gets no key variables: a snapshot would hold them.
            credentialsToken = credentialsEndpoint.issue(credentials);
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentialsEndpoint.url().toString());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", credentialsToken);
        } else {
            env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
            env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
            if (credentials.sessionToken() != null) {
                env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
            }
        }
        ProcessBuilder builder = new ProcessBuilder(launch.command(spec)).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        startedAt = System.nanoTime();
        Process started = builder.start();
        process = started;
        log.follow(started);
        RuntimeApi startedApi = api;
        started.onExit().thenRun(() -> {
            RuntimeApi.Invocation pending = startedApi.current();
            // Only the environment's own process speaks for it: an older one may report its exit late.
            if (pending != null && process == started) {
                boolean initFailed = startedApi.initError.isDone();
                pending.result().complete(InvocationResult.serviceError(
                        initFailed ? "Runtime.InitError" : "Runtime.ExitError",
                        initFailed ? startedApi.initError.join().body() : "RequestId: " + pending.id()
                                + " Error: Runtime exited with error: exit status " + started.exitValue(),
                        ""));
            }
        });
    }

    private static String describe(RuntimeApi.RuntimeError error) {
        return (error.type() == null ? "" : error.type() + ": ") + error.body();
    }

    private void end() {
        phase = Phase.ENDED;
        Process running = process;
        if (running != null) {
            running.destroyForcibly();
            try {
                running.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (api != null) {
            api.close();
        }
        if (credentialsEndpoint != null) {
            credentialsEndpoint.revoke(credentialsToken);
        }
    }

    boolean ended() {
        return phase == Phase.ENDED || (phase != Phase.NEW && (process == null || !process.isAlive()));
    }

    /** Ends the environment: its process, its Runtime API and its credentials. */
    @Override
    public synchronized void close() {
        end();
    }
}
