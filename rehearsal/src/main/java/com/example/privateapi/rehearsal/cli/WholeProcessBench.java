package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.lambda.FunctionSpec;
import com.example.privateapi.rehearsal.local.LocalCloud;
import com.example.privateapi.rehearsal.local.StackApplier;
import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.template.Model;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A client's whole cold start, Java against Python, alternating: a fresh Java runtime (the JVM with the Lambda
 * runtime interface client: init, one signed call through the rehearsal, the process ended), then a fresh Python
 * process running the same call the way the Python sample's clients do ({@code src/bench/python}: an STS client
 * created at import, botocore's SigV4Auth, requests), through the same endpoint, TLS and STS. Also counts the
 * classes each Java client loads for one call.
 */
final class WholeProcessBench {

    static final Path PYTHON_CLIENTS = Path.of("rehearsal", "src", "bench", "python");
    /** run_once.py's exit status when boto3 or requests is not installed. */
    static final int PYTHON_MODULE_MISSING = 3;

    private final LocalCloud cloud;
    private final StackApplier applier;
    private final Path root;
    private final PrintStream out;

    WholeProcessBench(LocalCloud cloud, StackApplier applier, Path root, PrintStream out) {
        this.cloud = cloud;
        this.applier = applier;
        this.root = root;
        this.out = out;
    }

    /** Why the Python side cannot run here (one line), or null when it can. */
    String pythonUnavailable() {
        try {
            Process check = new ProcessBuilder("python3", "-c", "import boto3, requests").redirectErrorStream(true)
                    .start();
            String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!check.waitFor(60, TimeUnit.SECONDS) || check.exitValue() != 0) {
                String last = output.lines().reduce((a, b) -> b).orElse("");
                return "the Python side needs boto3 and requests (pip install boto3 requests): " + last;
            }
            return null;
        } catch (IOException e) {
            return "the Python side needs python3 with boto3 and requests: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** Loads the classes of one cold call (not timed) and counts them. */
    long classesLoaded(Model.LambdaFunction client) throws IOException {
        FunctionSpec spec = applier.specOf(client.name());
        Path list = Files.createTempFile("classes-", ".txt");
        try {
            Map<String, String> environment = new LinkedHashMap<>(spec.environment());
            environment.put("JAVA_TOOL_OPTIONS", (environment.getOrDefault("JAVA_TOOL_OPTIONS", "")
                    + " -Xlog:class+load=info:file=" + list).trim());
            cloud.lambda().deploy(spec.withSnapStart(false).withEnvironment(environment),
                    applier.credentialsOf(client.name()));
            InvocationResult result = cloud.lambda().invoke(client.name(), "{}");
            cloud.lambda().recycle(client.name());
            if (result.functionError() != null) {
                throw new IllegalStateException(client.name() + " failed: " + result.payload());
            }
            try (var lines = Files.lines(list)) {
                return lines.filter(l -> l.contains(" source: ")).count();
            }
        } finally {
            cloud.lambda().deploy(spec, applier.credentialsOf(client.name()));
            Files.deleteIfExists(list);
        }
    }

    /** One Java cold start, process start to process end. */
    long javaOnce(Model.LambdaFunction client) {
        FunctionSpec spec = applier.specOf(client.name());
        cloud.lambda().deploy(spec.withSnapStart(false), applier.credentialsOf(client.name()));
        long start = System.nanoTime();
        InvocationResult result = cloud.lambda().invoke(client.name(), "{}");
        cloud.lambda().recycle(client.name());
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (result.functionError() != null || !result.payload().contains("\"statusCode\":200")) {
            throw new IllegalStateException("Java " + client.name() + " did not get 200: " + result.payload()
                    + "\n" + result.logTail());
        }
        return millis;
    }

    /** One Python cold start: interpreter start, import (init), one call, exit. */
    long pythonOnce(Model.LambdaFunction client, String which) throws IOException {
        FunctionSpec spec = applier.specOf(client.name());
        Credentials credentials = applier.credentialsOf(client.name());
        List<String> command = List.of("python3", root.resolve(PYTHON_CLIENTS).resolve("run_once.py").toString(),
                which);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("HOME", System.getProperty("java.io.tmpdir"));
        // A Lambda deployment package is read-only: the client's own modules are compiled at every cold start.
        env.put("PYTHONDONTWRITEBYTECODE", "1");
        env.putAll(spec.environment());
        env.remove("JAVA_TOOL_OPTIONS");
        env.put("AWS_REGION", cloud.region());
        env.put("AWS_DEFAULT_REGION", cloud.region());
        env.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        env.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        // The same network path as the Java function: the VPC endpoint's TLS through the same proxy and trust.
        String proxyHost = spec.jvmSystemProperties().get("https.proxyHost");
        if (proxyHost != null) {
            env.put("HTTPS_PROXY", "http://" + proxyHost + ":" + spec.jvmSystemProperties().get("https.proxyPort"));
            env.put("NO_PROXY", "127.0.0.1,localhost");
        }
        env.put("REQUESTS_CA_BUNDLE", cloud.caBundle().toString());
        long start = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            process.waitFor(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted");
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        if (process.exitValue() != 0 || !output.contains("\"statusCode\": 200")) {
            throw new IllegalStateException("Python " + which + " client did not get 200 (exit "
                    + process.exitValue() + "): " + output.trim());
        }
        return millis;
    }

    /** Both sides, alternating run by run; prints the medians and the ratio. */
    void compare(List<Model.LambdaFunction> clients, int runs) throws IOException {
        String unavailable = pythonUnavailable();
        out.printf("    %-20s %9s %18s %18s %8s%n", "client", "classes", "Java p50 (min)", "Python p50 (min)",
                "ratio");
        for (Model.LambdaFunction client : clients) {
            String which = client.handler().contains("AssumeRole") ? "assume-role" : "direct";
            long classes = classesLoaded(client);
            Samples java = new Samples();
            Samples python = new Samples();
            for (int run = 0; run < runs; run++) {
                java.add(javaOnce(client));
                if (unavailable == null) {
                    python.add(pythonOnce(client, which));
                }
            }
            String ratio = python.isEmpty() ? "-"
                    : String.format("%.2fx", (double) java.median() / python.median());
            out.printf("    %-20s %9d %18s %18s %8s%n", which, classes, java.medianAndMin(), python.medianAndMin(), ratio);
        }
        if (unavailable != null) {
            out.println("    Python side skipped: " + unavailable);
        }
    }

    static List<Model.LambdaFunction> clients(List<Model.LambdaFunction> functions) {
        List<Model.LambdaFunction> clients = new ArrayList<>();
        for (Model.LambdaFunction f : functions) {
            if (f.handler().contains("DirectAuthHandler")) {
                clients.add(0, f);
            } else if (f.handler().contains("AssumeRoleHandler")) {
                clients.add(f);
            }
        }
        return clients;
    }
}
