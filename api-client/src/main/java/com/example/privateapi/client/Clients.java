package com.example.privateapi.client;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.time.Clock;

/** Builds the parts both client functions share, once per execution environment. */
final class Clients {

    private Clients() {
    }

    static SdkHttpClient httpClient(ClientConfig config) {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(config.timeout())
                .socketTimeout(config.timeout())
                .build();
    }

    static SigningApiClient apiClient(ClientConfig config, SdkHttpClient http) {
        return new SigningApiClient(http, new RequestSigner("execute-api", config.region(), Clock.systemUTC()),
                ApiTarget.of(config));
    }
}
