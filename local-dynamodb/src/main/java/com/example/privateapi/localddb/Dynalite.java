package com.example.privateapi.localddb;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, a DynamoDB-compatible server, in memory on a free loopback port: for integration tests and the
 * offline rehearsal. Closing it stops the server.
 */
public final class Dynalite implements AutoCloseable {

    /** Overrides where dynalite is installed (the folder holding {@code node_modules/dynalite}). */
    public static final String HOME_VARIABLE = "DYNALITE_HOME";
    static final String INSTALL_HINT = "npm ci --prefix tools/dynalite";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts dynalite from the install found by {@link #locate()}. */
    public static Dynalite start() throws IOException {
        return start(locate());
    }

    /** Starts dynalite from {@code home} (the folder holding {@code node_modules/dynalite}). */
    public static Dynalite start(Path home) throws IOException {
        Path cli = home.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IOException("dynalite is not installed in " + home + ": run " + INSTALL_HINT);
        }
        int port = freePort();
        Process process;
        try {
            process = new ProcessBuilder(List.of("node", cli.toString(), "--host", "127.0.0.1", "--port",
                    Integer.toString(port), "--createTableMs", "50", "--deleteTableMs", "50"))
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot start dynalite: is Node.js installed (node on PATH)? " + e.getMessage(), e);
        }
        Dynalite dynalite = new Dynalite(process, URI.create("http://127.0.0.1:" + port));
        try {
            dynalite.awaitListening(port);
            return dynalite;
        } catch (IOException | RuntimeException e) {
            dynalite.close();
            throw e;
        }
    }

    /**
     * Finds the dynalite install: {@value #HOME_VARIABLE} (system property or environment variable) when set,
     * else {@code tools/dynalite} in the working directory or one of its parents.
     */
    public static Path locate() throws IOException {
        String override = System.getProperty(HOME_VARIABLE, System.getenv(HOME_VARIABLE));
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("tools").resolve("dynalite");
            if (Files.isRegularFile(candidate.resolve("node_modules/dynalite/cli.js"))) {
                return candidate;
            }
        }
        throw new IOException("dynalite is not installed: run " + INSTALL_HINT + " in the project folder (or set "
                + HOME_VARIABLE + ")");
    }

    public URI endpoint() {
        return endpoint;
    }

    private void awaitListening(int port) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("dynalite exited with status " + process.exitValue() + ": " + output());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IOException("dynalite did not listen on port " + port + " within " + START_TIMEOUT.toSeconds()
                + " s");
    }

    private String output() {
        try (InputStream in = process.getInputStream()) {
            return new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            return "(no output)";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for dynalite", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // Already shutting down: the hook runs anyway.
        }
    }
}
