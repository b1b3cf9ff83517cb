package com.example.privateapi.rehearsal.local;

import com.example.privateapi.localddb.Dynalite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The rehearsal's DynamoDB: dynalite with its tables on disk under {@code .local/dynamodb/}, watched while the
 * rehearsal runs. When it dies it is said so and started again on the same data and port, so every record that was
 * answered 200 is still there and the functions' {@code AWS_ENDPOINT_URL_DYNAMODB} still leads to it. Each run has
 * its own folder, removed when the run ends; a folder left by a killed run is removed by the next.
 */
final class DynaliteSupervisor implements AutoCloseable {

    /** More restarts than this within {@link #RESTART_WINDOW} and the supervisor gives up, saying so. */
    static final int MAX_RESTARTS = 5;
    static final Duration RESTART_WINDOW = Duration.ofMinutes(1);

    private final Path home;
    private final Path dataDir;
    private final Consumer<String> notices;
    private final URI endpoint;
    private final Deque<Instant> restarts = new ArrayDeque<>();
    private volatile Dynalite current;
    private volatile boolean closing;

    private DynaliteSupervisor(Path home, Path dataDir, Dynalite first, Consumer<String> notices) {
        this.home = home;
        this.dataDir = dataDir;
        this.notices = notices;
        this.current = first;
        this.endpoint = first.endpoint();
        watch(first);
    }

    /**
     * @param stateDir the rehearsal's state folder ({@code .local})
     * @param notices  where a death and a restart are told
     */
    static DynaliteSupervisor start(Path stateDir, Consumer<String> notices) throws IOException {
        Path runs = stateDir.resolve("dynamodb");
        removeAbandonedRuns(runs);
        Path dataDir = runs.resolve("run-" + ProcessHandle.current().pid());
        deleteTree(dataDir);
        Path home = Dynalite.locate();
        return new DynaliteSupervisor(home, dataDir, Dynalite.start(home, dataDir, 0), notices);
    }

    URI endpoint() {
        return endpoint;
    }

    /** The process id of the server now running. */
    long pid() {
        return current.pid();
    }

    private void watch(Dynalite dynalite) {
        dynalite.onExit().thenAccept(status -> {
            if (!closing) {
                restart(dynalite, status);
            }
        });
    }

    private synchronized void restart(Dynalite died, int status) {
        if (closing || died != current) {
            return;
        }
        Instant now = Instant.now();
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(RESTART_WINDOW))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= MAX_RESTARTS) {
            notices.accept("DynamoDB (dynalite) exited with status " + status + " again: " + MAX_RESTARTS
                    + " restarts within a minute, giving up. Requests that need DynamoDB will get 503 until the "
                    + "rehearsal is restarted.");
            return;
        }
        restarts.addLast(now);
        notices.accept("DynamoDB (dynalite) exited with status " + status + "; starting it again on the same data at "
                + endpoint);
        try {
            Dynalite next = Dynalite.start(home, dataDir, endpoint.getPort());
            current = next;
            watch(next);
            notices.accept("DynamoDB (dynalite) is back at " + endpoint + ", with the tables and records it had");
        } catch (IOException e) {
            notices.accept("DynamoDB (dynalite) could not be started again: " + e.getMessage());
        }
    }

    /** Folders of runs whose process is gone: a run killed before it could clean up. */
    private static void removeAbandonedRuns(Path runs) throws IOException {
        if (!Files.isDirectory(runs)) {
            return;
        }
        try (Stream<Path> folders = Files.list(runs)) {
            for (Path folder : folders.toList()) {
                String name = folder.getFileName().toString();
                if (name.startsWith("run-") && name.substring(4).chars().allMatch(Character::isDigit)
                        && !name.substring(4).isEmpty()
                        && ProcessHandle.of(Long.parseLong(name.substring(4))).map(p -> !p.isAlive()).orElse(true)) {
                    deleteTree(folder);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() {
        closing = true;
        synchronized (this) {
            current.close();
        }
        try {
            deleteTree(dataDir);
        } catch (IOException e) {
            notices.accept("could not remove " + dataDir + ": " + e.getMessage());
        }
    }
}
