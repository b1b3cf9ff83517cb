package com.example.privateapi.rehearsal.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
                tls.resolve("endpoint-trust.p12"))));
    }
}
