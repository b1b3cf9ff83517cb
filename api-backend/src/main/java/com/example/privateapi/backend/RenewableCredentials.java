package com.example.privateapi.backend;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.function.Supplier;

/**
 * A credentials provider that an execution environment can replace with a new one after a SnapStart restore:
 * a provider caches what it resolved, and a snapshot would hand that cache to every environment restored from it.
 */
final class RenewableCredentials implements AwsCredentialsProvider {

    private final Supplier<AwsCredentialsProvider> factory;
    private volatile AwsCredentialsProvider current;

    RenewableCredentials(Supplier<AwsCredentialsProvider> factory) {
        this.factory = factory;
        this.current = factory.get();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return current.resolveCredentials();
    }

    /** Runs priming work signed with stand-in credentials, then starts again from a provider that resolved nothing. */
    void primeWith(AwsCredentialsProvider standIn, Runnable work) {
        current = standIn;
        try {
            work.run();
        } finally {
            renew();
        }
    }

    /** Builds a new provider, so nothing the old one cached is used again. */
    void renew() {
        AwsCredentialsProvider old = current;
        current = factory.get();
        if (old instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }

    /**
     * Builds a new provider and has it fetch its credentials now, from Lambda's local credentials endpoint, so the
     * environment's first request starts with them. A failure is left for that request to report.
     */
    void renewAndFetch() {
        renew();
        try {
            current.resolveCredentials();
        } catch (RuntimeException leftForTheRequest) {
            // The first request resolves them again and fails with the SDK's reason.
        }
    }

    AwsCredentialsProvider current() {
        return current;
    }
}
