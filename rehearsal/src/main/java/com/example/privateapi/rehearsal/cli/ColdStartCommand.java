package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.cli.CommandLine.RunLocalOptions;
import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.local.DeployFlow;
import com.example.privateapi.rehearsal.local.DeploySettings;
import com.example.privateapi.rehearsal.local.Deployment;
import com.example.privateapi.rehearsal.local.DynamoTables;
import com.example.privateapi.rehearsal.local.LocalCloud;
import com.example.privateapi.rehearsal.local.Progress;
import com.example.privateapi.rehearsal.local.StackApplier;
import com.example.privateapi.rehearsal.template.Model;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code run-local.sh bench-cold-start [--runs N]}: deploys as run-local does, then starts each function in a fresh
 * execution environment N times and reports its init duration (JVM start, runtime, handler class loading and
 * construction: Lambda's "Init Duration") and its first invocation. A rerunnable measure of what the Java Lambdas
 * cost at a cold start on this machine; Lambda's own numbers differ by hardware and memory size.
 */
public final class ColdStartCommand {

    private final Path root;

    public ColdStartCommand(Path projectRoot) {
        this.root = projectRoot;
    }

    public int run(int runs, PrintStream out, PrintStream err) {
        RunLocalOptions options = RunLocalOptions.defaults();
        DeploySettings settings = DeploySettings.of(options.consumerAccount(), options.consumers(),
                options.providerAccount(), options.region(), options.providerParams(), options.consumerParams());
        TemplateReader reader = new TemplateReader();
        try {
            Preflight.check(reader, root, settings, null);
        } catch (Preflight.Failed e) {
            err.println("bench-cold-start: " + e.getMessage());
            return e.status();
        }
        Progress progress = new Progress(out);
        try (LocalCloud cloud = new LocalCloud(options.region(), null, root.resolve(".local"), line -> {
        }, null, options.lambdaConcurrency());
             DynamoTables tables = new DynamoTables(cloud.dynamodbUrl(), options.region())) {
            Deployment deployment = new DeployFlow(reader, root, cloud, new StackApplier(cloud, tables), progress)
                    .run(settings);
            List<Model.LambdaFunction> functions = new ArrayList<>(deployment.provider().functions());
            functions.addAll(deployment.consumer().functions());
            progress.step("Measuring " + runs + " cold starts of each function");
            out.printf("    %-48s %10s %10s %10s %14s%n", "function (handler)", "init p50", "init min", "init max",
                    "1st call p50");
            for (Model.LambdaFunction function : functions) {
                List<Long> inits = new ArrayList<>();
                List<Long> calls = new ArrayList<>();
                for (int i = 0; i < runs; i++) {
                    cloud.lambda().recycle(function.name());
                    long start = System.nanoTime();
                    InvocationResult result = cloud.lambda().invoke(function.name(), "{}");
                    long total = (System.nanoTime() - start) / 1_000_000;
                    if (result.initDuration() == null) {
                        err.println("bench-cold-start: " + function.name() + " did not start: " + result.payload());
                        return ExitStatus.FAILED;
                    }
                    inits.add(result.initDuration().toMillis());
                    calls.add(total - result.initDuration().toMillis());
                }
                String handler = function.handler().substring(function.handler().lastIndexOf('.', function.handler()
                        .indexOf("::")) + 1);
                out.printf("    %-48s %7d ms %7d ms %7d ms %11d ms%n", handler, median(inits),
                        Collections.min(inits), Collections.max(inits), median(calls));
            }
            return ExitStatus.OK;
        } catch (TemplateException | IllegalStateException | IllegalArgumentException e) {
            err.println("bench-cold-start: " + e.getMessage());
            return ExitStatus.FAILED;
        } catch (IOException e) {
            err.println("bench-cold-start: " + e.getMessage());
            return ExitStatus.CANNOT_RUN;
        } catch (SdkException e) {
            err.println("bench-cold-start: a call to DynamoDB failed: " + e.getMessage());
            return ExitStatus.CANNOT_RUN;
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
