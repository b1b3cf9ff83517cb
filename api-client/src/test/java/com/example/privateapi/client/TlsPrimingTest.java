package com.example.privateapi.client;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The in-memory handshake priming runs to its end with the JDK's own engines. */
class TlsPrimingTest {

    @Test
    void theSelfSignedCertificateIsValidDer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        KeyPair key = generator.generateKeyPair();
        X509Certificate certificate = (X509Certificate) TlsPriming.selfSigned(key);
        certificate.verify(key.getPublic());
        certificate.checkValidity();
        assertEquals("CN=priming only", certificate.getSubjectX500Principal().getName());
        assertEquals("SHA256withRSA", certificate.getSigAlgName());
    }

    @Test
    void theHandshakeAndARecordEachWayComplete() {
        assertDoesNotThrow(() -> TlsPriming.prime(Clients.defaultTrust(), "abc123defg.execute-api.us-east-1.amazonaws.com"));
    }
}
