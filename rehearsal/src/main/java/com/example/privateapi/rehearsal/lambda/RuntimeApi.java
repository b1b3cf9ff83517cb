package com.example.privateapi.rehearsal.lambda;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (2018-06-01) of one execution environment, as the runtime interface client speaks it:
 * {@code invocation/next}, {@code invocation/{id}/response}, {@code invocation/{id}/error}, {@code init/error}, and
 * SnapStart's {@code restore/next} (the runtime calls it when init and the beforeCheckpoint hooks are done; it is
 * answered when the snapshot is resumed) and {@code restore/error} (an afterRestore hook failed). Each event is
 * surfaced as a future the environment waits on.
 */
final class RuntimeApi implements AutoCloseable {

    /** One event given to the runtime, and what the runtime did with it. */
    record Invocation(String id, String payload, CompletableFuture<Long> pickedUp,
                      CompletableFuture<InvocationResult> result) {
    }

    /** An error the runtime reported: its body ({@code errorMessage}, {@code errorType}) and error type header. */
    record RuntimeError(String body, String type) {
    }

    private final FunctionSpec spec;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private final HttpServer server;
    private final ExecutorService threads;
    private volatile Invocation current;
    private volatile boolean open = true;

    /** Completes with the time (nanoTime) of the runtime's first {@code invocation/next}: its init is done. */
    final CompletableFuture<Long> firstNext = new CompletableFuture<>();
    /** Completes with the time (nanoTime) the runtime called {@code restore/next}: ready to be snapshotted. */
    final CompletableFuture<Long> checkpointed = new CompletableFuture<>();
    /** Completed by the environment to answer {@code restore/next}: the snapshot is resumed. */
    final CompletableFuture<Void> resumed = new CompletableFuture<>();
    final CompletableFuture<RuntimeError> initError = new CompletableFuture<>();
    final CompletableFuture<RuntimeError> restoreError = new CompletableFuture<>();

    RuntimeApi(FunctionSpec spec) throws IOException {
        this.spec = spec;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + spec.name());
            t.setDaemon(true);
            return t;
        });
        server.createContext("/2018-06-01/runtime/", this::serve);
        server.setExecutor(threads);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Hands the runtime an event; the result completes when the runtime answers it. */
    Invocation submit(String id, String payload) {
        Invocation invocation = new Invocation(id, payload, new CompletableFuture<>(), new CompletableFuture<>());
        current = invocation;
        queue.add(invocation);
        return invocation;
    }

    /** The invocation in progress, or null. */
    Invocation current() {
        return current;
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.endsWith("/invocation/next")) {
                next(exchange);
                return;
            }
            if (path.endsWith("/restore/next")) {
                checkpointed.complete(System.nanoTime());
                // The snapshot is taken now; the runtime resumes when this answer arrives.
                boolean resume = resumed.handle((ok, failed) -> failed == null).join();
                exchange.sendResponseHeaders(resume ? 200 : 500, -1);
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            RuntimeError error = new RuntimeError(text,
                    exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type"));
            Invocation pending = current;
            // The environment adds the log tail to the result, once, when it hands the result on.
            if (path.endsWith("/init/error")) {
                initError.complete(error);
                if (pending != null) {
                    pending.result().complete(new InvocationResult(text, "Unhandled", ""));
                }
            } else if (path.endsWith("/restore/error")) {
                restoreError.complete(error);
            } else if (pending != null && path.endsWith("/invocation/" + pending.id() + "/response")) {
                current = null;
                pending.result().complete(new InvocationResult(text, null, ""));
            } else if (pending != null && path.endsWith("/invocation/" + pending.id() + "/error")) {
                current = null;
                pending.result().complete(new InvocationResult(text, "Unhandled", ""));
            } else {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        firstNext.complete(now);
        Invocation next = take();
        if (next == null) {
            exchange.sendResponseHeaders(503, -1);
            return;
        }
        next.pickedUp().complete(now);
        exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", next.id());
        exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms",
                Long.toString(System.currentTimeMillis() + spec.timeout().toMillis()));
        exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", spec.arn());
        exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id",
                "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
                        + next.id().replace("-", "").substring(0, 24) + ";Sampled=0");
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        byte[] payload = next.payload().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(payload);
        }
    }

    private Invocation take() {
        try {
            while (open) {
                Invocation next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return null;
    }

    @Override
    public void close() {
        open = false;
        resumed.cancel(false);
        server.stop(0);
        threads.shutdownNow();
        current = null;
        queue.clear();
    }
}
