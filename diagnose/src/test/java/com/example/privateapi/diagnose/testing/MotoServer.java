package com.example.privateapi.diagnose.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * moto's server mode (python3's moto: AWS's APIs served over HTTP, for tests) on a free loopback port, started and
 * stopped by the test that needs it.
 */
public final class MotoServer implements AutoCloseable {

    private final Process process;
    private final Path log;
    public final URI url;

    private MotoServer(Process process, Path log, URI url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** Whether python3 can run moto's server here; the reason when it cannot. */
    public static String unavailableReason() {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import moto.server").redirectErrorStream(true)
                    .start();
            String out = new String(probe.getInputStream().readAllBytes());
            if (!probe.waitFor(60, TimeUnit.SECONDS)) {
                probe.destroyForcibly();
                return "python3 -c 'import moto.server' did not finish";
            }
            if (probe.exitValue() == 0) {
                return null;
            }
            // The error's last line ("ModuleNotFoundError: No module named 'moto'"), not the whole traceback.
            String[] lines = out.strip().split("\\R");
            return "python3 cannot import moto.server (" + lines[lines.length - 1] + ")";
        } catch (IOException e) {
            return "python3 is not available: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Starts a server.
     *
     * @param env extra environment, e.g. {@code INITIAL_NO_AUTH_ACTION_COUNT} to have moto enforce IAM policies
     *            after that many calls
     */
    public static MotoServer start(Map<String, String> env) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("moto-server", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of("python3", "-m", "moto.server", "-H", "127.0.0.1", "-p",
                Integer.toString(port))).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        MotoServer server = new MotoServer(process, log, URI.create("http://127.0.0.1:" + port));
        server.awaitReady();
        return server;
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("moto_server exited: " + Files.readString(log));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url.resolve("/moto-api/data.json"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        close();
        throw new IOException("moto_server did not start within 60 s: " + Files.readString(log));
    }

    /** Forgets every resource of every account. */
    public void reset() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        url.resolve("/moto-api/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("moto reset answered " + response.statusCode() + ": " + response.body());
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temp file
        }
    }
}
