package com.example.privateapi.backend;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/** The JVM's trust, loaded once. */
final class Tls {

    private Tls() {
    }

    /**
     * The JVM's default trust (Lambda's CA bundle), loaded once: made the JVM's default socket factory too, because
     * every HTTPS connection the JDK creates initializes the default factory first, which would otherwise load and
     * parse the CA bundle again.
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
}
