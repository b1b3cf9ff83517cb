package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.lambda.FunctionSpec;
import com.example.privateapi.rehearsal.local.LocalCloud;
import com.example.privateapi.rehearsal.local.StackApplier;
import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.lambda.PublishResult;
import com.example.privateapi.rehearsal.template.Model;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Each function through Lambda's lifecycles, N times, modes alternating within each run: on demand (init, first
 * call), SnapStart with priming and SnapStart without (publish: init and the beforeCheckpoint hooks; restore: the
 * afterRestore hooks; first call after them), and a warm call after each cold one. Reports medians and the first
 * call's ratio to a warm one.
 */
final class LifecycleBench {

    enum Mode {
        ON_DEMAND("on demand"), PRIMED("SnapStart, primed"), UNPRIMED("SnapStart, unprimed");

        final String label;

        Mode(String label) {
            this.label = label;
        }
    }

    /** One mode's measurements of one function. */
    static final class Figures {
        final Samples init = new Samples();
        final Samples restore = new Samples();
        final Samples firstCall = new Samples();
        final Samples warmCall = new Samples();
    }

    private final LocalCloud cloud;
    private final StackApplier applier;
    private final PrintStream out;

    LifecycleBench(LocalCloud cloud, StackApplier applier, PrintStream out) {
        this.cloud = cloud;
        this.applier = applier;
        this.out = out;
    }

    /** Measures one function; the function is left deployed as it was, warm. */
    Map<Mode, Figures> measure(Model.LambdaFunction function, int runs) {
        FunctionSpec deployed = applier.specOf(function.name());
        Map<Mode, Figures> figures = new LinkedHashMap<>();
        for (Mode mode : Mode.values()) {
            figures.put(mode, new Figures());
        }
        try {
            for (int run = 0; run < runs; run++) {
                for (Mode mode : Mode.values()) {
                    once(function, variant(deployed, mode), mode, figures.get(mode));
                }
            }
        } finally {
            cloud.lambda().deploy(deployed, applier.credentialsOf(function.name()));
        }
        InvocationResult warmUp = cloud.lambda().invoke(function.name(), payload(function));
        if (warmUp.functionError() != null) {
            throw new IllegalStateException(function.name() + " failed after the benchmark: " + warmUp.payload());
        }
        return figures;
    }

    void print(Model.LambdaFunction function, Map<Mode, Figures> figures) {
        String handler = function.handler().substring(function.handler().lastIndexOf('.',
                function.handler().indexOf("::")) + 1, function.handler().indexOf("::"));
        Figures primed = figures.get(Mode.PRIMED);
        Figures unprimed = figures.get(Mode.UNPRIMED);
        for (Mode mode : Mode.values()) {
            Figures f = figures.get(mode);
            String hooks = mode == Mode.PRIMED && !primed.init.isEmpty() && !unprimed.init.isEmpty()
                    ? Long.toString(primed.init.median() - unprimed.init.median()) : "-";
            String ratio = f.firstCall.isEmpty() || f.warmCall.isEmpty() ? "-"
                    : String.format("%.1fx", (double) f.firstCall.median() / Math.max(1, f.warmCall.median()));
            // Init without the priming for both SnapStart rows: what priming adds is its own column.
            String init = mode == Mode.PRIMED ? unprimed.init.medianText() : f.init.medianText();
            out.printf("    %-20s %-20s %8s %8s %8s %9s %9s %9s%n", mode == Mode.ON_DEMAND ? handler : "",
                    mode.label, init, hooks, f.restore.medianText(), f.firstCall.medianText(),
                    f.warmCall.medianText(), ratio);
        }
    }

    void printHeader() {
        out.printf("    %-20s %-20s %8s %8s %8s %9s %9s %9s%n", "handler", "lifecycle", "init", "priming",
                "restore", "1st call", "warm call", "1st/warm");
    }

    private void once(Model.LambdaFunction function, FunctionSpec spec, Mode mode, Figures figures) {
        cloud.lambda().deploy(spec, applier.credentialsOf(function.name()));
        if (mode != Mode.ON_DEMAND) {
            PublishResult published = cloud.lambda().publish(function.name());
            if (!published.published()) {
                throw new IllegalStateException("publishing " + function.name() + " failed: " + published.error());
            }
            figures.init.add(published.initDuration().toMillis());
        }
        long start = System.nanoTime();
        InvocationResult cold = cloud.lambda().invoke(function.name(), payload(function));
        long total = (System.nanoTime() - start) / 1_000_000;
        if (cold.functionError() != null) {
            throw new IllegalStateException(function.name() + " (" + mode.label + ") failed: " + cold.payload()
                    + "\n" + cold.logTail());
        }
        if (mode == Mode.ON_DEMAND) {
            figures.init.add(cold.initDuration().toMillis());
            figures.firstCall.add(total - cold.initDuration().toMillis());
        } else {
            figures.restore.add(cold.restoreDuration().toMillis());
            figures.firstCall.add(total - cold.restoreDuration().toMillis());
        }
        start = System.nanoTime();
        InvocationResult warm = cloud.lambda().invoke(function.name(), payload(function));
        figures.warmCall.add((System.nanoTime() - start) / 1_000_000);
        if (warm.functionError() != null) {
            throw new IllegalStateException(function.name() + " (" + mode.label + ", warm) failed: "
                    + warm.payload());
        }
        cloud.lambda().recycle(function.name());
    }

    private static FunctionSpec variant(FunctionSpec deployed, Mode mode) {
        if (mode == Mode.ON_DEMAND) {
            return deployed.withSnapStart(false);
        }
        Map<String, String> environment = new LinkedHashMap<>(deployed.environment());
        environment.put("SNAPSTART_PRIMING", mode == Mode.PRIMED ? "True" : "False");
        return deployed.withEnvironment(environment).withSnapStart(true);
    }

    /**
     * The clients ignore their event; the backend gets what API Gateway sends for {@code GET /}, so each call
     * records a request in DynamoDB as a real one does.
     */
    static String payload(Model.LambdaFunction function) {
        if (!function.handler().contains("Backend")) {
            return "{}";
        }
        String id = UUID.randomUUID().toString();
        return "{\"resource\":\"/\",\"path\":\"/\",\"httpMethod\":\"GET\",\"headers\":{\"Host\":\"bench\"},"
                + "\"requestContext\":{\"requestId\":\"" + id + "\",\"stage\":\"Prod\",\"resourcePath\":\"/\","
                + "\"httpMethod\":\"GET\",\"requestTimeEpoch\":" + System.currentTimeMillis() + ",\"identity\":{"
                + "\"sourceIp\":\"127.0.0.1\",\"caller\":\"bench\",\"user\":\"bench\",\"userArn\":"
                + "\"arn:aws:sts::111111111111:assumed-role/bench/bench\",\"accountId\":\"111111111111\"}}}";
    }
}
