package com.example.privateapi.rehearsal.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes a file of {@code export NAME='value'} lines a shell can source; readable by its owner only. */
public final class EnvFile {

    private static final Pattern NAME = Pattern.compile("[A-Z_][A-Z0-9_]*");

    private EnvFile() {
    }

    public static void write(Path file, Map<String, String> values) throws IOException {
        StringBuilder text = new StringBuilder("# Written by run-local.sh --serve; valid while it runs.\n"
                + "# Rehearsal credentials only: they mean nothing to AWS.\n");
        values.forEach((name, value) -> {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a shell variable name: " + name);
            }
            text.append("export ").append(name).append("='")
                    .append(value == null ? "" : value.replace("'", "'\\''")).append("'\n");
        });
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, ".env", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Not a POSIX file system: the file keeps the default permissions.
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
