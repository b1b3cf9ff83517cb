package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A deployed function and its execution environments ({@link EnvironmentPool}): one invocation per environment, a
 * new environment when none is idle, within the function's concurrency. On demand, a new environment starts and runs
 * init; with SnapStart, it resumes the environment a publish left checkpointed (publishing again first when there is
 * none: a snapshot here is one paused JVM, so each restored environment needs its own).
 */
final class DeployedFunction implements AutoCloseable {

    /** The function's version could not be published: its init or a beforeCheckpoint hook failed. */
    private static final class VersionFailed extends RuntimeException {
        VersionFailed(String message) {
            super(message, null, false, false);
        }
    }

    private final FunctionSpec spec;
    private final Credentials credentials;
    private final RuntimeLaunch launch;
    private final String region;
    private final Supplier<CredentialsEndpoint> credentialsEndpoint;
    private final PrintStream echo;
    private final EnvironmentPool<ExecutionEnvironment> environments;
    private ExecutionEnvironment snapshot;

    DeployedFunction(FunctionSpec spec, Credentials credentials, RuntimeLaunch launch, String region,
                     Supplier<CredentialsEndpoint> credentialsEndpoint, PrintStream echo, ConcurrencyLimit limit) {
        this.spec = spec;
        this.credentials = credentials;
        this.launch = launch;
        this.region = region;
        this.credentialsEndpoint = credentialsEndpoint;
        this.echo = echo;
        this.environments = new EnvironmentPool<>(limit, this::newEnvironment, environment -> !environment.ended());
    }

    /** Runs init and the beforeCheckpoint hooks; the environment waits, checkpointed, for the next cold start. */
    synchronized PublishResult publish() {
        if (!spec.snapStart()) {
            throw new IllegalStateException("function " + spec.name() + " does not use SnapStart: publishing a "
                    + "version runs no init");
        }
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
        ExecutionEnvironment environment = environment();
        PublishResult result = environment.checkpoint();
        if (result.published()) {
            snapshot = environment;
        }
        return result;
    }

    /** A new environment, not started: with SnapStart it gets its credentials from Lambda's endpoint. */
    private ExecutionEnvironment environment() {
        return new ExecutionEnvironment(spec, credentials, launch, region,
                spec.snapStart() ? credentialsEndpoint.get() : null, echo);
    }

    /**
     * A cold start: a new environment, or with SnapStart the published one resumed. When that one is taken, another
     * is published for this environment; concurrent cold starts publish side by side, as Lambda restores side by side.
     */
    private ExecutionEnvironment newEnvironment() {
        if (!spec.snapStart()) {
            return environment();
        }
        synchronized (this) {
            if (snapshot != null) {
                ExecutionEnvironment restored = snapshot;
                snapshot = null;
                return restored;
            }
        }
        ExecutionEnvironment environment = environment();
        PublishResult published = environment.checkpoint();
        if (!published.published()) {
            environment.close();
            throw new VersionFailed(published.error());
        }
        return environment;
    }

    /** @throws ConcurrencyLimit.Exceeded every environment the function may have is busy: Lambda throttles */
    InvocationResult invoke(String payload) throws ConcurrencyLimit.Exceeded {
        try (EnvironmentPool<ExecutionEnvironment>.Lease lease = environments.acquire()) {
            return lease.environment().invoke(payload);
        } catch (VersionFailed e) {
            return InvocationResult.serviceError("ResourceConflictException", "The function version of "
                    + spec.name() + " is in Failed state: " + e.getMessage(), "");
        }
    }

    /** Environments the function has now, busy or idle. */
    int environments() {
        return environments.size();
    }

    /** Ends the function's environments (a busy one when its invocation ends): the next invocation is a cold start. */
    void recycle() {
        environments.recycle();
    }

    @Override
    public void close() {
        environments.close();
        synchronized (this) {
            if (snapshot != null) {
                snapshot.close();
                snapshot = null;
            }
        }
    }
}
