package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.rehearsal.identity.Credentials;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One function's execution environment: its own JVM running the AWS Lambda Java runtime interface client against
 * a Lambda Runtime API served here, with the function's environment and its role's credentials. Started at the
 * first invocation; one invocation at a time, as in Lambda.
 */
final class ExecutionEnvironment implements AutoCloseable {

    static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    /** Lambda gives init 10 s; a JVM on a loaded machine gets more here, since only a packaging error should fail. */
    static final Duration INIT_ALLOWANCE = Duration.ofSeconds(60);

    private record Invocation(String id, String payload, CompletableFuture<Void> pickedUp,
                              CompletableFuture<InvocationResult> result) {
    }

    private final FunctionSpec spec;
    private final Credentials credentials;
    private final Path runtimeDir;
    private final String region;
    private final LogTail log;
    private final BlockingQueue<Invocation> queue = new LinkedBlockingQueue<>();
    private volatile Invocation current;
    private volatile String initError;
    private HttpServer runtimeApi;
    private java.util.concurrent.ExecutorService runtimeApiThreads;
    private volatile Process process;
    private long startedAtNanos;
    /** Set once by the first {@code next} of an environment: how long its init took. */
    private volatile java.time.Duration initDuration;
    private boolean initReported;

    ExecutionEnvironment(FunctionSpec spec, Credentials credentials, Path runtimeDir, String region, PrintStream echo) {
        this.spec = spec;
        this.credentials = credentials;
        this.runtimeDir = runtimeDir;
        this.region = region;
        this.log = new LogTail(spec.name(), echo);
    }

    synchronized InvocationResult invoke(String payload) {
        try {
            ensureStarted();
        } catch (IOException e) {
            return error("Runtime.StartFailed", "could not start the function's runtime: " + e.getMessage());
        }
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), payload, new CompletableFuture<>(),
                new CompletableFuture<>());
        current = invocation;
        queue.add(invocation);
        try {
            // The function's timeout runs from the moment its runtime takes the event, as on Lambda.
            CompletableFuture.anyOf(invocation.pickedUp(), invocation.result())
                    .get(INIT_ALLOWANCE.toMillis(), TimeUnit.MILLISECONDS);
            InvocationResult result = invocation.result().get(spec.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!initReported && initDuration != null) {
                initReported = true;
                return result.withInitDuration(initDuration);
            }
            return result;
        } catch (TimeoutException e) {
            stop();
            return error("Sandbox.Timedout", "Task timed out after " + spec.timeout().toSeconds() + ".00 seconds");
        } catch (ExecutionException e) {
            return error("Runtime.Failed", e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error("Runtime.Interrupted", "interrupted while waiting for the function");
        }
    }

    private void ensureStarted() throws IOException {
        if (process != null && process.isAlive()) {
            return;
        }
        stop();
        initError = null;
        initDuration = null;
        initReported = false;
        startedAtNanos = System.nanoTime();
        runtimeApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        runtimeApi.createContext("/2018-06-01/runtime/", this::serve);
        runtimeApiThreads = java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "runtime-api-" + spec.name());
            t.setDaemon(true);
            return t;
        });
        runtimeApi.setExecutor(runtimeApiThreads);
        runtimeApi.start();
        ProcessBuilder builder = new ProcessBuilder(command()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment(runtimeApi.getAddress().getPort()));
        process = builder.start();
        log.follow(process.getInputStream());
        Process started = process;
        started.onExit().thenRun(() -> {
            Invocation pending = current;
            // Only the environment's own process speaks for it: an older one may report its exit late.
            if (pending != null && process == started) {
                pending.result().complete(error(initError != null ? "Runtime.InitError" : "Runtime.ExitError",
                        initError != null ? initError : "RequestId: " + pending.id() + " Error: Runtime exited with "
                                + "error: exit status " + started.exitValue()));
            }
        });
    }

    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + Math.max(128, spec.memoryMb() * 85 / 100) + "m");
        // Lambda's Java runtimes use the serial collector unless JAVA_TOOL_OPTIONS picks another ("Customize Java
        // runtime startup behavior", Lambda Developer Guide); it also keeps many environments light on a small machine.
        if (!spec.environment().getOrDefault("JAVA_TOOL_OPTIONS", "").matches(".*-XX:\\+Use\\w+GC\\b.*")) {
            command.add("-XX:+UseSerialGC");
        }
        spec.jvmSystemProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(spec.codeJar().toAbsolutePath() + java.io.File.pathSeparator + runtimeDir.toAbsolutePath()
                + java.io.File.separator + "*");
        command.add(RUNTIME_MAIN);
        command.add(spec.handler());
        return command;
    }

    private Map<String, String> environment(int runtimeApiPort) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApiPort);
        env.put("_HANDLER", spec.handler());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "rehearsal");
        env.put("LAMBDA_TASK_ROOT", spec.codeJar().toAbsolutePath().getParent().toString());
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        env.putAll(spec.environment());
        return env;
    }

    /** The Lambda Runtime API, as the runtime interface client speaks it. */
    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (path.endsWith("/invocation/next")) {
                Invocation next = nextInvocation();
                if (next == null) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                if (initDuration == null) {
                    initDuration = java.time.Duration.ofNanos(System.nanoTime() - startedAtNanos);
                }
                next.pickedUp().complete(null);
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
                return;
            }
            String text = new String(body, StandardCharsets.UTF_8);
            Invocation pending = current;
            if (path.endsWith("/init/error")) {
                initError = text;
                if (pending != null) {
                    pending.result().complete(new InvocationResult(text, "Unhandled", log.text()));
                }
            } else if (pending != null && path.endsWith("/invocation/" + pending.id() + "/response")) {
                current = null;
                pending.result().complete(new InvocationResult(text, null, log.text()));
            } else if (pending != null && path.endsWith("/invocation/" + pending.id() + "/error")) {
                current = null;
                pending.result().complete(new InvocationResult(text, "Unhandled", log.text()));
            } else {
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    private Invocation nextInvocation() {
        try {
            while (runtimeApi != null) {
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

    private InvocationResult error(String type, String message) {
        com.google.gson.JsonObject error = new com.google.gson.JsonObject();
        error.addProperty("errorMessage", message);
        error.addProperty("errorType", type);
        return new InvocationResult(error.toString(), "Unhandled", log.text());
    }

    private void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        if (runtimeApi != null) {
            HttpServer server = runtimeApi;
            runtimeApi = null;
            server.stop(0);
            runtimeApiThreads.shutdownNow();
        }
        current = null;
        queue.clear();
    }

    /** Ends the environment: the next invocation is a cold start. */
    @Override
    public synchronized void close() {
        stop();
    }
}
