package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.template.Model;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * {@code run-local.sh bench-cold-start [--runs N]}: deploys as run-local does, then starts each function in a fresh
 * execution environment N times and reports its init duration (JVM start, runtime, handler class loading and
 * construction: Lambda's "Init Duration") and its first invocation. A rerunnable measure of what the Java Lambdas
 * cost at a cold start on this machine; Lambda's own numbers differ by hardware and memory size.
 */
public final class ColdStartCommand {

    static final String USAGE = "usage: run-local.sh bench-cold-start [--runs N]   (N from 1 to 50, default 5)";

    private final Path root;

    public ColdStartCommand(Path projectRoot) {
        this.root = projectRoot;
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        int runs;
        try {
            runs = runs(args);
        } catch (IllegalArgumentException e) {
            err.println("bench-cold-start: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        RunLocalOptions options;
        try {
            options = RunLocalOptions.parse(List.of());
        } catch (RunLocalOptions.UsageException | RunLocalOptions.HelpRequested e) {
            throw new IllegalStateException("the default options do not parse", e);
        }
        Progress progress = new Progress(out);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (LocalCloud cloud = new LocalCloud(options.region(), null, root.resolve(".local"), quiet, null);
             DynamoTables tables = new DynamoTables(cloud.dynamodbUrl, options.region())) {
            Deployment deployment = new DeployFlow(new TemplateReader(), root, cloud,
                    new StackApplier(cloud, tables), progress).run(options);
            List<Model.LambdaFunction> functions = new ArrayList<>(deployment.provider().functions());
            functions.addAll(deployment.consumer().functions());
            progress.step("Measuring " + runs + " cold starts of each function");
            out.printf("    %-48s %10s %10s %10s %14s%n", "function (handler)", "init p50", "init min", "init max",
                    "1st call p50");
            for (Model.LambdaFunction function : functions) {
                List<Long> inits = new ArrayList<>();
                List<Long> calls = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    cloud.lambda.recycle(function.name());
                    long start = System.nanoTime();
                    InvocationResult result = cloud.lambda.invoke(function.name(), "{}");
                    long total = (System.nanoTime() - start) / 1_000_000;
                    if (result.initDuration() == null) {
                        err.println("bench-cold-start: " + function.name() + " did not start: " + result.payload());
                        return 1;
                    }
                    inits.add(result.initDuration().toMillis());
                    calls.add(total - result.initDuration().toMillis());
                }
                String handler = function.handler().substring(function.handler().lastIndexOf('.', function.handler()
                        .indexOf("::")) + 1);
                out.printf("    %-48s %7d ms %7d ms %7d ms %11d ms%n", handler, median(inits),
                        Collections.min(inits), Collections.max(inits), median(calls));
            }
            return 0;
        } catch (TemplateException | IllegalStateException | IOException e) {
            err.println("bench-cold-start: " + e.getMessage());
            return 1;
        }
    }

    private static int runs(List<String> args) {
        if (args.isEmpty()) {
            return 5;
        }
        if (args.size() == 2 && args.get(0).equals("--runs")) {
            try {
                int runs = Integer.parseInt(args.get(1));
                if (runs >= 1 && runs <= 50) {
                    return runs;
                }
            } catch (NumberFormatException notANumber) {
                // Reported below.
            }
            throw new IllegalArgumentException("--runs must be a whole number from 1 to 50, got \"" + args.get(1)
                    + "\"");
        }
        throw new IllegalArgumentException("unexpected arguments " + args);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
