package com.example.privateapi.rehearsal.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Folders and files of the rehearsal that hold keys or credentials: readable by their owner only (0700 and 0600),
 * on file systems that have POSIX permissions.
 */
public final class OwnerOnly {

    private OwnerOnly() {
    }

    /** Creates the folder if needed, and makes it the owner's only. */
    public static Path directory(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, "rwx------");
        return dir;
    }

    /** Makes an existing file the owner's only. */
    public static Path file(Path file) throws IOException {
        set(file, "rw-------");
        return file;
    }

    private static void set(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions: its own access control applies.
        }
    }
}
