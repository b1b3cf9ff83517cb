package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.cli.CommandLine.RunLocalOptions;
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
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run-local.sh bench-cold-start [--runs N]}: deploys as run-local does, then measures, on this machine:
 * each function through Lambda's lifecycles (on demand; SnapStart with and without priming: init, the hooks, the
 * restore, the first call after them, a warm call), and each client's whole cold start as a process, Java against
 * a Python client written the way the Python sample's are, alternating. Medians; the machine and its load are
 * printed with them, since other work on it moves every figure. Lambda's own numbers differ by hardware and memory
 * size; this is for comparing changes, and the two languages, side by side on one machine.
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
        out.println("Machine: " + machine() + "; load average before: " + loadAverage());
        try (LocalCloud cloud = new LocalCloud(options.region(), null, root.resolve(".local"), null, null,
                options.lambdaConcurrency());
             DynamoTables tables = new DynamoTables(cloud.dynamodbUrl(), options.region())) {
            StackApplier applier = new StackApplier(cloud, tables);
            Deployment deployment = new DeployFlow(reader, root, cloud, applier, progress).run(settings);
            List<Model.LambdaFunction> functions = new ArrayList<>(deployment.provider().functions());
            functions.addAll(deployment.consumer().functions());
            for (Model.LambdaFunction function : functions) {
                // Everything warm before measuring: a client's call must not include the backend's cold start.
                cloud.lambda().invoke(function.name(), LifecycleBench.payload(function));
            }

            String times = runs == 1 ? "1 run" : runs + " runs";
            progress.step("Each function through Lambda's lifecycles, " + times + " (medians, ms)");
            LifecycleBench lifecycle = new LifecycleBench(cloud, applier, out);
            lifecycle.printHeader();
            for (Model.LambdaFunction function : functions) {
                lifecycle.print(function, lifecycle.measure(function, runs));
            }
            out.println("    init: to the runtime's first request for work (on demand) or for its snapshot");
            out.println("      (SnapStart, without the priming); priming: what the beforeCheckpoint hooks add;");
            out.println("      restore: resume to the first event, afterRestore hooks included; 1st call: its round trip");

            progress.step("Whole cold start of each client as a process, Java and Python alternating, " + times
                    + " (medians)");
            new WholeProcessBench(cloud, applier, root, out).compare(WholeProcessBench.clients(functions), runs);
            out.println("    Java: a fresh JVM with the Lambda runtime interface client, init, one signed call");
            out.println("      through the rehearsal, the process ended; Python: a fresh interpreter importing the");
            out.println("      client (its init), one call, exit; classes: loaded by the Java process for that call");
            out.println("Load average after: " + loadAverage());
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

    private static String machine() {
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo"), StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim() + ", ").orElse("");
        } catch (IOException | RuntimeException unreadable) {
            // Not Linux: the processor count still says something.
        }
        return cpu + Runtime.getRuntime().availableProcessors() + " CPUs, Java " + System.getProperty("java.version");
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException unreadable) {
            return "unknown";
        }
    }
}
