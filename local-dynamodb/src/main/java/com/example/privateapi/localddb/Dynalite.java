package com.example.privateapi.localddb;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * dynalite, a DynamoDB-compatible server on a loopback port, in memory or on disk: for integration tests and the
 * offline rehearsal. Closing it stops the server. It also ends when the JVM that started it ends, even by SIGKILL:
 * it watches its standard input, which only this JVM holds open, and exits when that closes.
 */
public final class Dynalite implements AutoCloseable {

    /** Overrides where dynalite is installed (the folder holding {@code node_modules/dynalite}). */
    public static final String HOME_VARIABLE = "DYNALITE_HOME";
    static final String INSTALL_HINT = "npm ci --prefix tools/dynalite";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    /**
     * Runs dynalite's own command line, and exits when standard input ends: the parent JVM holds the other end of
     * that pipe open until it exits, however it exits, so the server never outlives it.
     */
    private static final String EXIT_WITH_PARENT = "process.stdin.on('end',()=>process.exit(0));"
            + "process.stdin.on('error',()=>process.exit(0));process.stdin.resume();require(process.argv[1]);";

    private final Process process;
    private final URI endpoint;
    private final Thread shutdownHook;
    private final OutputTail output;

    private Dynalite(Process process, URI endpoint) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = new OutputTail(process.getInputStream());
        this.shutdownHook = new Thread(process::destroyForcibly, "dynalite-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts dynalite in memory from the install found by {@link #locate()}. */
    public static Dynalite start() throws IOException {
        return start(locate());
    }

    /** Starts dynalite in memory, on a free port, from {@code home} (the folder holding node_modules/dynalite). */
    public static Dynalite start(Path home) throws IOException {
        return start(home, null, 0);
    }

    /**
     * Starts dynalite from {@code home}.
     *
     * @param dataDir where it keeps its tables (LevelDB), so that a restart finds them; null to keep them in memory
     * @param port    the loopback port, or 0 for a free one
     */
    public static Dynalite start(Path home, Path dataDir, int port) throws IOException {
        Path cli = home.resolve("node_modules").resolve("dynalite").resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new IOException("dynalite is not installed in " + home + ": run " + INSTALL_HINT);
        }
        int listenPort = port == 0 ? freePort() : port;
        List<String> command = new ArrayList<>(List.of("node", "-e", EXIT_WITH_PARENT,
                cli.toAbsolutePath().toString(), "--host", "127.0.0.1", "--port", Integer.toString(listenPort),
                "--createTableMs", "50", "--deleteTableMs", "50"));
        if (dataDir != null) {
            Files.createDirectories(dataDir);
            command.add("--path");
            command.add(dataDir.toAbsolutePath().toString());
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot start dynalite: is Node.js installed (node on PATH)? " + e.getMessage(), e);
        }
        Dynalite dynalite = new Dynalite(process, URI.create("http://127.0.0.1:" + listenPort));
        try {
            dynalite.awaitListening(listenPort);
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

    /** The server's process id. */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Completes when the server process ends, with its exit status. */
    public CompletableFuture<Integer> onExit() {
        return process.onExit().thenApply(Process::exitValue);
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
        output.awaitEnd(Duration.ofSeconds(1));
        String text = output.text().trim();
        return text.isEmpty() ? "(no output)" : text;
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
