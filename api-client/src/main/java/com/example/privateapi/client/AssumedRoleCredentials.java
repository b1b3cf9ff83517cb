package com.example.privateapi.client;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.utils.cache.CachedSupplier;
import software.amazon.awssdk.utils.cache.RefreshResult;

import java.time.Clock;
import java.time.Duration;

/**
 * The provider role's credentials, assumed with the function's own and cached until near their expiry: one STS call
 * per credential lifetime, not one per invocation. The cache is the SDK's own ({@code CachedSupplier}), with the
 * SDK's STS provider timings: refreshed five minutes before expiry, never used in the last minute.
 */
final class AssumedRoleCredentials implements AwsCredentialsProvider {

    static final Duration PREFETCH = Duration.ofMinutes(5);
    static final Duration STALE = Duration.ofMinutes(1);

    private final StsAssumeRole sts;
    private final AwsCredentialsProvider caller;
    private final Clock clock;
    private volatile CachedSupplier<AwsSessionCredentials> cache;

    AssumedRoleCredentials(StsAssumeRole sts, AwsCredentialsProvider caller, Clock clock) {
        this.sts = sts;
        this.caller = caller;
        this.clock = clock;
        this.cache = newCache();
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return cache.get();
    }

    /** Forgets the cached credentials: the next call assumes the role again. */
    void renew() {
        CachedSupplier<AwsSessionCredentials> old = cache;
        cache = newCache();
        old.close();
    }

    private CachedSupplier<AwsSessionCredentials> newCache() {
        return CachedSupplier.builder(this::assume).cachedValueName("assumed role credentials").clock(clock).build();
    }

    private RefreshResult<AwsSessionCredentials> assume() {
        AwsSessionCredentials credentials = sts.assumeRole(caller.resolveCredentials());
        return RefreshResult.builder(credentials)
                .staleTime(credentials.expirationTime().orElseThrow().minus(STALE))
                .prefetchTime(credentials.expirationTime().orElseThrow().minus(PREFETCH))
                .build();
    }
}
