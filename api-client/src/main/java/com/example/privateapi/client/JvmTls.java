package com.example.privateapi.client;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

/**
 * The JVM's default trust (Lambda's CA bundle) and one TLS context over it, loaded once per execution environment.
 * Every HTTPS connection of the function uses this context, which is also made the JVM's default: the JDK
 * initializes its default context for each new HTTPS connection and would otherwise load and parse the CA bundle
 * a second time.
 *
 * @param trust   the trust managers, which priming exercises
 * @param context the TLS context connections use
 */
record JvmTls(TrustManager[] trust, SSLContext context) {

    static JvmTls load() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
            return new JvmTls(factory.getTrustManagers(), context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the JVM's trusted certificates: " + e.getMessage(), e);
        }
    }
}
