package com.example.privateapi.client;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.time.Clock;

/** Builds the parts both client functions share, once per execution environment. */
final class Clients {

    private Clients() {
    }

    /**
     * The SDK's url-connection client over connections made here: with the function's one TLS context, its
     * timeouts, and the JVM's proxy settings. Built this way, the client makes no TLS context of its own (the SDK's
     * builder would make a second one) and reads no proxy settings of its own.
     */
    static SdkHttpClient httpClient(ClientConfig config, JvmTls tls) {
        SSLSocketFactory sockets = tls.context().getSocketFactory();
        int timeout = (int) config.timeout().toMillis();
        return UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                if (connection instanceof HttpsURLConnection https) {
                    https.setSSLSocketFactory(sockets);
                }
                connection.setConnectTimeout(timeout);
                connection.setReadTimeout(timeout);
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static SigningApiClient apiClient(ClientConfig config, SdkHttpClient http) {
        return new SigningApiClient(http, new RequestSigner("execute-api", config.region(), Clock.systemUTC()),
                ApiTarget.of(config));
    }
}
