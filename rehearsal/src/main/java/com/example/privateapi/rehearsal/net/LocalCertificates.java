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
 * JDK's keytool, and a trust store holding only it, which the function processes are given. It is made anew for
 * every run and means nothing outside the rehearsal.
 */
public final class LocalCertificates {

    private static final String ALIAS = "rehearsal";
    private final Path trustStore;
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
        Files.deleteIfExists(keyStore);
        keytool(List.of("-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1",
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
            // A trust store holds only the public certificate: stored without a password, so that no password has to
            // reach the function JVMs' command lines, where every user of the machine could read it.
            KeyStore trust = KeyStore.getInstance("JKS");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trust.store(out, new char[0]);
            }
            OwnerOnly.file(trustStore);
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
