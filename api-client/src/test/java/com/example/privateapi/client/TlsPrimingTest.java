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
    void aCertificateClaimingAnAnchorAsIssuerIsRefusedByTheRealTrust() throws Exception {
        javax.net.ssl.X509TrustManager trust = (javax.net.ssl.X509TrustManager) JvmTls.load().trust()[0];
        X509Certificate anchor = java.util.Arrays.stream(trust.getAcceptedIssuers())
                .filter(c -> "RSA".equals(c.getPublicKey().getAlgorithm())).findFirst().orElseThrow();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        X509Certificate claimed = (X509Certificate) TlsPriming.certificate(generator.generateKeyPair(),
                anchor.getSubjectX500Principal().getEncoded(),
                new javax.security.auth.x500.X500Principal("CN=priming only").getEncoded());
        assertEquals(anchor.getSubjectX500Principal(), claimed.getIssuerX500Principal());
        org.junit.jupiter.api.Assertions.assertThrows(java.security.cert.CertificateException.class,
                () -> trust.checkServerTrusted(new X509Certificate[] {claimed}, "RSA"));
    }

    @Test
    void theHandshakeAndARecordEachWayComplete() {
        assertDoesNotThrow(() -> TlsPriming.prime(JvmTls.load().trust(), "abc123defg.execute-api.us-east-1.amazonaws.com"));
    }
}
