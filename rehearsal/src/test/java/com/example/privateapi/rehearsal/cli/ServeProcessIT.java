package com.example.privateapi.rehearsal.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The serving rehearsal as a process of its own: its children (dynalite, the function JVMs) carry no secret on their
 * command lines, its keys and credentials are its owner's only, and none of its children outlives it, even when it
 * is killed with SIGKILL.
 */
class ServeProcessIT {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noSecretOnACommandLineAndNoChildOutlivesASigkill() throws Exception {
        Path log = ROOT.resolve(".local").resolve("serve-process-it.log");
        Files.createDirectories(log.getParent());
        ServeProcess serve = ServeProcess.start(ROOT, Path.of(".local", "serve-process-it-env"), log, List.of(),
                Duration.ofMinutes(5));
        List<ProcessHandle> children;
        try {
            Map<String, String> env = serve.environment();
            children = ProcessHandle.of(serve.pid()).orElseThrow().descendants().toList();
            assertTrue(children.size() >= 3, "dynalite and the function JVMs: " + children.size());
            for (ProcessHandle child : children) {
                String commandLine = child.info().commandLine().orElse("");
                assertFalse(commandLine.toLowerCase(java.util.Locale.ROOT).contains("password"), commandLine);
                env.forEach((name, value) -> {
                    if ((name.endsWith("_SECRET_ACCESS_KEY") || name.endsWith("_SESSION_TOKEN")) && !value.isEmpty()) {
                        assertFalse(commandLine.contains(value), name + " appears on a command line: " + commandLine);
                    }
                });
            }
            for (Path secret : List.of(ROOT.resolve(".local/tls/endpoint-key.p12"),
                    ROOT.resolve(".local/serve-process-it-env"))) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)),
                        secret.toString());
            }
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    ROOT.resolve(".local"))));

            ProcessHandle.of(serve.pid()).orElseThrow().destroyForcibly();
            ProcessHandle.of(serve.pid()).ifPresent(p -> p.onExit().join());
        } finally {
            serve.close();
            // Killed, it could not remove its environment file as a stopped one does.
            Files.deleteIfExists(ROOT.resolve(".local/serve-process-it-env"));
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        List<String> survivors = children.stream().filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList();
        children.forEach(ProcessHandle::destroyForcibly);
        assertEquals(List.of(), survivors, "children outlived the killed rehearsal");
    }
}
