package com.example.privateapi.client;

import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.TlsKeyManagersProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;

/** Builds the parts both client functions share, once per execution environment. */
final class Clients {

    private Clients() {
    }

    /**
     * The JVM's default trust (Lambda's CA bundle), loaded once: built here so priming exercises the very instances
     * the connections use, and made the JVM's default socket factory too, because every HTTPS connection the JDK
     * creates initializes the default factory first, which would otherwise load and parse the CA bundle again.
     */
    static TrustManager[] defaultTrust() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            TrustManager[] trust = factory.getTrustManagers();
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
            return trust;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JVM's trusted certificates: " + e.getMessage(), e);
        }
    }

    /** The url-connection client with the given trust and no client certificate (none is ever presented). */
    static SdkHttpClient httpClient(ClientConfig config, TrustManager[] trust) {
        TlsKeyManagersProvider noClientCertificate = () -> null;
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(config.timeout())
                .socketTimeout(config.timeout())
                .tlsTrustManagersProvider(() -> trust)
                .tlsKeyManagersProvider(noClientCertificate)
                .build();
    }

    static SigningApiClient apiClient(ClientConfig config, SdkHttpClient http) {
        return new SigningApiClient(http, new RequestSigner("execute-api", config.region(), Clock.systemUTC()),
                ApiTarget.of(config));
    }
}
