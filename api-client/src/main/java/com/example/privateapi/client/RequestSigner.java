package com.example.privateapi.client;

import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.time.Clock;

/** SigV4 with the SDK's own signer, for one service and region. */
public final class RequestSigner {

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final String service;
    private final String region;
    private final Clock clock;

    public RequestSigner(String service, String region, Clock clock) {
        this.service = service;
        this.region = region;
        this.clock = clock;
    }

    /** Signs a request without a body. */
    public SdkHttpRequest sign(SdkHttpRequest request, AwsCredentialsIdentity credentials) {
        return sign(request, null, credentials);
    }

    /** Signs a request and its body (the payload hash is part of the signature). */
    public SdkHttpRequest sign(SdkHttpRequest request, ContentStreamProvider payload,
                               AwsCredentialsIdentity credentials) {
        return signer.sign(r -> r.identity(credentials).request(request).payload(payload)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock)).request();
    }
}
