package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * A deployed function and its execution environment: on demand, a new one starts at a cold start; with SnapStart,
 * a cold start resumes the environment its publish left checkpointed (publishing again first when there is none).
 */
final class DeployedFunction implements AutoCloseable {

    private final FunctionSpec spec;
    private final Credentials credentials;
    private final RuntimeLaunch launch;
    private final String region;
    private final Supplier<CredentialsEndpoint> credentialsEndpoint;
    private final PrintStream echo;
    private ExecutionEnvironment active;
    private ExecutionEnvironment snapshot;

    DeployedFunction(FunctionSpec spec, Credentials credentials, RuntimeLaunch launch, String region,
                     Supplier<CredentialsEndpoint> credentialsEndpoint, PrintStream echo) {
        this.spec = spec;
        this.credentials = credentials;
        this.launch = launch;
        this.region = region;
        this.credentialsEndpoint = credentialsEndpoint;
        this.echo = echo;
    }

    FunctionSpec spec() {
        return spec;
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
        ExecutionEnvironment environment = new ExecutionEnvironment(spec, credentials, launch, region,
                credentialsEndpoint.get(), echo);
        PublishResult result = environment.checkpoint();
        if (result.published()) {
            snapshot = environment;
        }
        return result;
    }

    synchronized InvocationResult invoke(String payload) {
        if (active == null || active.ended()) {
            if (active != null) {
                active.close();
            }
            active = null;
            if (spec.snapStart()) {
                if (snapshot == null) {
                    PublishResult published = publish();
                    if (!published.published()) {
                        return InvocationResult.serviceError("ResourceConflictException", "The function version "
                                + "of " + spec.name() + " is in Failed state: " + published.error(), "");
                    }
                }
                active = snapshot;
                snapshot = null;
            } else {
                active = new ExecutionEnvironment(spec, credentials, launch, region, null, echo);
            }
        }
        return active.invoke(payload);
    }

    /** Ends the running environment: the next invocation is a cold start. */
    synchronized void recycle() {
        if (active != null) {
            active.close();
            active = null;
        }
    }

    @Override
    public synchronized void close() {
        recycle();
        if (snapshot != null) {
            snapshot.close();
            snapshot = null;
        }
    }
}
