package com.example.privateapi.rehearsal.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint's private key is readable by its owner only, and so is the folder holding it. */
class LocalCertificatesTest {

    @Test
    void theKeyAndItsFolderAreTheOwnersOnly(@TempDir Path state) throws Exception {
        Path tls = state.resolve("tls");
        new LocalCertificates(tls, "us-east-1");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(tls)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                tls.resolve("endpoint-key.p12"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                tls.resolve("endpoint-trust.jks"))));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                tls.resolve("endpoint-ca-bundle.pem"))));
    }

    /** The function JVMs trust the certificate with no password on their command line: the store needs none. */
    @Test
    void theTrustStoreOpensWithoutAPassword(@TempDir Path state) throws Exception {
        LocalCertificates certificates = new LocalCertificates(state.resolve("tls"), "us-east-1");
        java.security.KeyStore trust = java.security.KeyStore.getInstance("JKS");
        try (var in = Files.newInputStream(certificates.trustStore())) {
            trust.load(in, null);
        }
        java.security.cert.X509Certificate certificate = (java.security.cert.X509Certificate) trust.getCertificate(
                "rehearsal");
        assertTrue(certificate.getSubjectAlternativeNames().toString().contains("*.execute-api.us-east-1.amazonaws.com"),
                certificate.getSubjectAlternativeNames().toString());
    }
}
