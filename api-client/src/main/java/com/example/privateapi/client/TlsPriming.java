package com.example.privateapi.client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The TLS work of a first request that needs no peer: a client hello for the host (cipher suites, key shares,
 * extensions) written into memory, and the trust managers' certificate path validator built by checking one of
 * their own anchors. Nothing is sent.
 */
final class TlsPriming {

    private TlsPriming() {
    }

    static void prime(TrustManager[] trust, String host) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            SSLEngine engine = context.createSSLEngine(host, 443);
            engine.setUseClientMode(true);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            engine.setSSLParameters(parameters);
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.beginHandshake();
            engine.wrap(ByteBuffer.allocate(0), out);
            engine.closeOutbound();
        } catch (GeneralSecurityException | SSLException e) {
            throw new IllegalStateException("TLS priming failed: " + e.getMessage(), e);
        }
        for (TrustManager manager : trust) {
            if (manager instanceof X509TrustManager x509) {
                X509Certificate[] anchors = x509.getAcceptedIssuers();
                if (anchors.length > 0) {
                    try {
                        x509.checkServerTrusted(new X509Certificate[] {anchors[0]}, "RSA");
                    } catch (CertificateException expected) {
                        // A CA certificate is no server certificate; building the validator was the point.
                    }
                }
            }
        }
    }
}
