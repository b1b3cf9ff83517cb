package com.example.privateapi.rehearsal.net;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The rehearsal's TLS identity for API Gateway's names: a self-signed certificate for
 * {@code *.execute-api.REGION.amazonaws.com} and {@code *.execute-api.REGION.vpce.amazonaws.com}, made with the
 * JDK's keytool with an RSA 2048 key like API Gateway's own certificates, and the trust the function processes are
 * given: the JDK's certificate authorities plus this certificate, as a JKS trust store (Lambda's Java runtimes trust
 * a CA bundle of that size and format, {@code /etc/pki/java/cacerts}) and as a PEM bundle for other clients. It is
 * made anew for every run and means nothing outside the rehearsal.
 */
public final class LocalCertificates {

    private static final String ALIAS = "rehearsal";
    private final Path trustStore;
    private final Path caBundle;
    private final SSLContext serverContext;

    /** The keytool process reads the store password from here, never from its command line. */
    private static final String PASSWORD_VARIABLE = "REHEARSAL_KEYSTORE_PASSWORD";

    public LocalCertificates(Path dir, String region) throws IOException {
        OwnerOnly.directory(dir);
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        // The key store's password lives in this JVM's memory and keytool's environment only.
        String password = HexFormat.of().formatHex(secret);
        Path keyStore = dir.resolve("endpoint-key.p12");
        this.trustStore = dir.resolve("endpoint-trust.jks");
        this.caBundle = dir.resolve("endpoint-ca-bundle.pem");
        Files.deleteIfExists(keyStore);
        keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=execute-api." + region + " (offline rehearsal)", "-validity", "7",
                "-ext", "SAN=dns:*.execute-api." + region + ".amazonaws.com,dns:*.execute-api." + region
                        + ".vpce.amazonaws.com",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass:env", PASSWORD_VARIABLE,
                "-keypass:env", PASSWORD_VARIABLE), password);
        OwnerOnly.file(keyStore);
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, password.toCharArray());
            }
            Certificate certificate = keys.getCertificate(ALIAS);
            KeyStore trust = jdkCertificateAuthorities();
            trust.setCertificateEntry(ALIAS, certificate);
            // A trust store holds only public certificates: stored without a password, so that no password has to
            // reach the function JVMs' command lines, where every user of the machine could read it.
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, new char[0]);
            }
            OwnerOnly.file(trustStore);
            writePem(trust, caBundle);
            OwnerOnly.file(caBundle);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password.toCharArray());
            this.serverContext = SSLContext.getInstance("TLS");
            serverContext.init(kmf.getKeyManagers(), null, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the rehearsal's TLS certificate: " + e.getMessage(), e);
        }
    }

    public SSLContext serverContext() {
        return serverContext;
    }

    public Path trustStore() {
        return trustStore;
    }

    /** The same trust as a PEM bundle, for clients outside the JVM (Python's requests, curl). */
    public Path caBundle() {
        return caBundle;
    }

    /** The running JDK's certificate authorities, read without their store's password (only their integrity needs it). */
    private static KeyStore jdkCertificateAuthorities() throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("JKS");
        trust.load(null, null);
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        if (Files.isReadable(cacerts)) {
            KeyStore jdk = KeyStore.getInstance(KeyStore.getDefaultType());
            try (InputStream in = Files.newInputStream(cacerts)) {
                jdk.load(in, null);
            } catch (IOException notDefaultType) {
                jdk = KeyStore.getInstance("JKS");
                try (InputStream in = Files.newInputStream(cacerts)) {
                    jdk.load(in, null);
                }
            }
            for (String alias : java.util.Collections.list(jdk.aliases())) {
                if (jdk.isCertificateEntry(alias)) {
                    trust.setCertificateEntry(alias, jdk.getCertificate(alias));
                }
            }
        }
        return trust;
    }

    private static void writePem(KeyStore trust, Path file) throws IOException, GeneralSecurityException {
        java.util.Base64.Encoder base64 = java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        StringBuilder pem = new StringBuilder();
        for (String alias : java.util.Collections.list(trust.aliases())) {
            pem.append("-----BEGIN CERTIFICATE-----\n")
                    .append(base64.encodeToString(trust.getCertificate(alias).getEncoded()))
                    .append("\n-----END CERTIFICATE-----\n");
        }
        Files.writeString(file, pem.toString(), StandardCharsets.US_ASCII);
    }

    private static void keytool(List<String> args, String password) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put(PASSWORD_VARIABLE, password);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool could not make the rehearsal's certificate: " + output.trim());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while making the rehearsal's certificate", e);
        }
    }
}
