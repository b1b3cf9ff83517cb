package com.example.privateapi.client;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The TLS work of a first request, done in memory: a whole TLS handshake between a client and a server engine
 * (client hello and key shares, the server's certificate chain and its RSA signature checked, keys derived,
 * finished messages) and a record each way. Inside that handshake, the function's own trust managers check one
 * of their anchors as if a server had presented it for the host, so their checks of a real handshake run (path
 * validation, algorithm constraints with the JDK's list of its own CAs, host name identification) and refuse it. The server's certificate is made here for this alone, with an RSA key
 * like API Gateway's and STS's own certificates (1024 bits: the client's work is the same, and a 2048-bit key takes
 * the better part of a second to generate); only the priming client trusts it. Nothing is sent.
 */
final class TlsPriming {

    private static final byte[] SHA256_WITH_RSA = {0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7,
            0x0d, 0x01, 0x01, 0x0b};
    private static final byte[] COMMON_NAME = {0x06, 0x03, 0x55, 0x04, 0x03};
    /** Handshakes run: enough for the JIT to compile the hot parts, not only to load the classes. */
    static final int ROUNDS = 12;

    private TlsPriming() {
    }

    static void prime(TrustManager[] trust, String host) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            KeyPair key = generator.generateKeyPair();
            Certificate certificate = selfSigned(key);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] password = "priming".toCharArray();
            store.setKeyEntry("priming", key.getPrivate(), password, new Certificate[] {certificate});
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
            SSLContext serverContext = SSLContext.getInstance("TLS");
            serverContext.init(keys.getKeyManagers(), null, null);
            SSLContext clientContext = SSLContext.getInstance("TLS");
            clientContext.init(null, new TrustManager[] {new OnlyThis((X509Certificate) certificate, trust)}, null);
            for (int round = 0; round < ROUNDS; round++) {
                SSLEngine client = clientContext.createSSLEngine(host, 443);
                client.setUseClientMode(true);
                SSLParameters parameters = client.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(parameters);
                SSLEngine server = serverContext.createSSLEngine();
                server.setUseClientMode(false);
                handshake(client, server);
            }
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("TLS priming failed: " + e.getMessage(), e);
        }
    }

    /** Runs the handshake to its end, then sends a request one way and an answer the other. */
    private static void handshake(SSLEngine client, SSLEngine server) throws SSLException {
        int size = Math.max(client.getSession().getPacketBufferSize(), server.getSession().getPacketBufferSize());
        ByteBuffer toServer = ByteBuffer.allocate(size * 4);
        ByteBuffer toClient = ByteBuffer.allocate(size * 4);
        ByteBuffer clientApp = ByteBuffer.allocate(size * 4);
        ByteBuffer serverApp = ByteBuffer.allocate(size * 4);
        ByteBuffer none = ByteBuffer.allocate(0);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 40 && (handshaking(client) || handshaking(server)); round++) {
            client.wrap(none, toServer);
            runTasks(client);
            server.wrap(none, toClient);
            runTasks(server);
            toServer.flip();
            server.unwrap(toServer, serverApp);
            toServer.compact();
            runTasks(server);
            toClient.flip();
            client.unwrap(toClient, clientApp);
            toClient.compact();
            runTasks(client);
        }
        if (handshaking(client) || handshaking(server)) {
            throw new SSLException("the in-memory handshake did not finish");
        }
        client.wrap(ByteBuffer.wrap("GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), toServer);
        toServer.flip();
        server.unwrap(toServer, serverApp);
        server.wrap(ByteBuffer.wrap("HTTP/1.1 200 OK\r\n\r\n".getBytes(StandardCharsets.US_ASCII)), toClient);
        toClient.flip();
        client.unwrap(toClient, clientApp);
        client.closeOutbound();
        server.closeOutbound();
    }

    private static boolean handshaking(SSLEngine engine) {
        SSLEngineResult.HandshakeStatus status = engine.getHandshakeStatus();
        return status != SSLEngineResult.HandshakeStatus.NOT_HANDSHAKING
                && status != SSLEngineResult.HandshakeStatus.FINISHED;
    }

    private static void runTasks(SSLEngine engine) {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
    }

    /** An X.509 v1 certificate for the key, signed by itself, valid for the next day. */
    static Certificate selfSigned(KeyPair key) throws GeneralSecurityException {
        byte[] name = der(0x30, der(0x31, der(0x30, COMMON_NAME, der(0x0c, bytes("priming only")))));
        return certificate(key, name, name);
    }

    /** An X.509 v1 certificate for the key with the given issuer and subject (DER names), signed by the key. */
    static Certificate certificate(KeyPair key, byte[] issuer, byte[] name) throws GeneralSecurityException {
        long now = System.currentTimeMillis();
        byte[] validity = der(0x30, der(0x17, bytes(utcTime(now - 60_000))),
                der(0x17, bytes(utcTime(now + 86_400_000))));
        byte[] algorithm = der(0x30, SHA256_WITH_RSA, new byte[] {0x05, 0x00});
        byte[] tbs = der(0x30, der(0x02, new byte[] {0x01}), algorithm, issuer, validity, name,
                key.getPublic().getEncoded());
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bits = new byte[signature.length + 1];
        System.arraycopy(signature, 0, bits, 1, signature.length);
        byte[] encoded = der(0x30, tbs, algorithm, der(0x03, bits));
        return CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
    }

    private static String utcTime(long millis) {
        return java.time.format.DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
                .format(java.time.Instant.ofEpochMilli(millis).atOffset(java.time.ZoneOffset.UTC));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** DER: tag, definite length, then the parts. */
    private static byte[] der(int tag, byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        int length = content.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xff);
        }
        out.writeBytes(content.toByteArray());
        return out.toByteArray();
    }

    /**
     * Trusts the priming certificate and nothing else, and has the function's own trust managers check one of their
     * anchors within the handshake, where they run as for a real server.
     */
    private static final class OnlyThis extends X509ExtendedTrustManager {
        private final X509Certificate certificate;
        private final TrustManager[] real;

        OnlyThis(X509Certificate certificate, TrustManager[] real) {
            this.certificate = certificate;
            this.real = real;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkServerTrusted(chain, authType);
            for (TrustManager manager : real) {
                if (manager instanceof X509ExtendedTrustManager x509) {
                    for (X509Certificate anchor : x509.getAcceptedIssuers()) {
                        if ("RSA".equals(anchor.getPublicKey().getAlgorithm())) {
                            try {
                                x509.checkServerTrusted(new X509Certificate[] {anchor}, authType, engine);
                            } catch (CertificateException expected) {
                                // A CA's certificate does not name the host: refused, as it must be.
                            }
                            return;
                        }
                    }
                }
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket)
                throws CertificateException {
            checkServerTrusted(chain, authType);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain.length == 0 || !chain[0].equals(certificate)) {
                throw new CertificateException("only the priming certificate is trusted here");
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket)
                throws CertificateException {
            checkClientTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("no client certificates in priming");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[] {certificate};
        }
    }
}
