package com.example.privateapi.backend;

import software.amazon.awssdk.core.warmup.http.CannedResponseHttpClient;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

import java.nio.charset.StandardCharsets;

/**
 * The DynamoDB client's HTTP client, which priming can divert: while {@link #divert} runs its work, every request
 * is answered in memory with DynamoDB's empty success ({@code {}}) by the SDK's own canned-response client, so the
 * client's whole request path runs and nothing is sent or written.
 */
final class PrimableHttpClient implements SdkHttpClient {

    private final SdkHttpClient network;
    private final SdkHttpClient canned = CannedResponseHttpClient.builder()
            .responseBody("{}".getBytes(StandardCharsets.UTF_8)).statusCode(200).build();
    private volatile boolean diverted;

    PrimableHttpClient(SdkHttpClient network) {
        this.network = network;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return (diverted ? canned : network).prepareRequest(request);
    }

    /** Runs the work with every request answered in memory. */
    void divert(Runnable work) {
        diverted = true;
        try {
            work.run();
        } finally {
            diverted = false;
        }
    }

    @Override
    public String clientName() {
        return network.clientName();
    }

    @Override
    public void close() {
        network.close();
        canned.close();
    }
}
