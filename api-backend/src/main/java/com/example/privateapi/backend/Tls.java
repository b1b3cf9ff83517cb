package com.example.privateapi.backend;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/** The JVM's trust, loaded once, and the TLS work of a first request that needs no peer. */
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

    /**
     * A client hello for the host written into memory (cipher suites, key shares, extensions), and the trust
     * managers' certificate path validator built by checking one of their own anchors. Nothing is sent.
     */
    static void prime(TrustManager[] trust, String host) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            SSLEngine engine = context.createSSLEngine(host, 443);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), ByteBuffer.allocate(engine.getSession().getPacketBufferSize()));
            engine.closeOutbound();
        } catch (GeneralSecurityException | javax.net.ssl.SSLException e) {
            throw new IllegalStateException("TLS priming failed: " + e.getMessage(), e);
        }
        for (TrustManager manager : trust) {
            if (manager instanceof X509TrustManager x509 && x509.getAcceptedIssuers().length > 0) {
                try {
                    x509.checkServerTrusted(new X509Certificate[] {x509.getAcceptedIssuers()[0]}, "RSA");
                } catch (CertificateException expected) {
                    // A CA certificate is no server certificate; building the validator was the point.
                }
            }
        }
    }
}
