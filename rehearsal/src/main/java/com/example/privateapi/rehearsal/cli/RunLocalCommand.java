package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.cli.CommandLine.RunLocalOptions;
import com.example.privateapi.rehearsal.gateway.GatewayResponse;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.local.DeployFlow;
import com.example.privateapi.rehearsal.local.DeploySettings;
import com.example.privateapi.rehearsal.local.Deployment;
import com.example.privateapi.rehearsal.local.DynamoTables;
import com.example.privateapi.rehearsal.local.EnvFile;
import com.example.privateapi.rehearsal.local.LocalCloud;
import com.example.privateapi.rehearsal.local.Progress;
import com.example.privateapi.rehearsal.local.ServeEnvironment;
import com.example.privateapi.rehearsal.local.SignedHttp;
import com.example.privateapi.rehearsal.local.StackApplier;
import com.example.privateapi.rehearsal.local.TerminalLine;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import software.amazon.awssdk.core.exception.SdkException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * {@code run-local.sh}: rehearses deploy-all.sh and invoke.sh on one machine, from the real templates, with the
 * same parameter hand-off; prints SUCCESS or FAILED per client as invoke.sh does, with the reason of a denial.
 * A passing run prints its steps and verdicts only; {@code --verbose} adds the answers, the access log, the stored
 * records and the functions' logs.
 */
public final class RunLocalCommand {

    private final TemplateReader reader = new TemplateReader();
    private final Path root;
    private final CountDownLatch stop = new CountDownLatch(1);
    private volatile String stoppedBy = "a stop request";

    /** Runs from {@code projectRoot}: the templates and the built jars are found relative to it. */
    public RunLocalCommand(Path projectRoot) {
        this.root = projectRoot;
    }

    /** Ends a {@code --serve} run, as Ctrl-C does. */
    public void stop() {
        stop.countDown();
    }

    public int run(RunLocalOptions options, PrintStream out, PrintStream err) {
        DeploySettings settings = DeploySettings.of(options.consumerAccount(), options.consumers(),
                options.providerAccount(), options.region(), options.providerParams(), options.consumerParams());
        try {
            Preflight.check(reader, root, settings, options.dynamodbUrl());
        } catch (Preflight.Failed e) {
            err.println("run-local.sh: " + e.getMessage());
            return e.status();
        }
        Progress progress = new Progress(out);
        progress.line("Offline rehearsal of the cross-account private API (a rehearsal, never a production gateway)");
        progress.step("Starting local STS, DynamoDB, API Gateway endpoints and the Lambda runtime");
        Consumer<String> accessLog = options.verbose() ? line -> printWhole(out, "    access-log " + line) : null;
        String stopped = null;
        int status;
        try (LocalCloud cloud = new LocalCloud(options.region(), options.dynamodbUrl(), root.resolve(".local"),
                accessLog, options.verbose() ? out : null, options.lambdaConcurrency());
             DynamoTables tables = new DynamoTables(cloud.dynamodbUrl(), options.region())) {
            progress.done("STS " + cloud.stsUrl() + ", DynamoDB " + cloud.dynamodbUrl());
            StackApplier applier = new StackApplier(cloud, tables);
            Deployment deployment = new DeployFlow(reader, root, cloud, applier, progress).run(settings);
            status = invokeClients(deployment, cloud, applier, progress, options.verbose(), out);
            if (options.serve()) {
                stopped = serve(options, settings, deployment, cloud, applier, out);
            }
        } catch (TemplateException | IllegalStateException | IllegalArgumentException e) {
            // A stack that fails to deploy, as CloudFormation would refuse it.
            err.println("run-local.sh: " + e.getMessage());
            return ExitStatus.FAILED;
        } catch (IOException e) {
            err.println("run-local.sh: " + e.getMessage());
            return ExitStatus.CANNOT_RUN;
        } catch (SdkException e) {
            err.println("run-local.sh: a call to DynamoDB failed: " + e.getMessage());
            return ExitStatus.CANNOT_RUN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitStatus.INTERRUPTED;
        }
        if (stopped != null) {
            out.println(stopped);
            return ExitStatus.OK;
        }
        return status;
    }

    /** A client function of a consumer, and the requests of it that the API answered 200. */
    private record Client(Deployment.DeployedConsumer consumer, String output, String function) {
    }

    private int invokeClients(Deployment deployment, LocalCloud cloud, StackApplier applier, Progress progress,
                              boolean verbose, PrintStream out) throws IOException, InterruptedException {
        List<Client> clients = new ArrayList<>();
        for (Deployment.DeployedConsumer consumer : deployment.consumers()) {
            for (String output : List.of("DirectAuthClientFunctionName", "AssumeRoleClientFunctionName")) {
                clients.add(new Client(consumer, output, consumer.stack().outputs().get(output)));
            }
        }
        boolean several = deployment.consumers().size() > 1;
        boolean allSucceeded = true;
        Map<String, Deployment.DeployedConsumer> recorded = new LinkedHashMap<>();
        for (Client client : clients) {
            String whose = several ? " (consumer " + client.consumer().consumer().number() + ")" : "";
            if (client.function() == null) {
                progress.line("FAILED: the consumer stack" + whose + " has no " + client.output()
                        + " output (is pAPIRoleARN set?)");
                allSucceeded = false;
                continue;
            }
            progress.step("Invoking " + client.function() + whose);
            cloud.drainGatewayResponses();
            cloud.drainStsDenials();
            cloud.drainNetworkDenials();
            InvocationResult result = cloud.lambda().invoke(client.function(), "{}");
            List<GatewayResponse> seen = cloud.drainGatewayResponses();
            List<String> stsDenials = cloud.drainStsDenials();
            List<String> networkDenials = cloud.drainNetworkDenials();
            if (result.initDuration() != null) {
                progress.note("cold start: init " + result.initDuration().toMillis() + " ms");
            }
            if (result.restoreDuration() != null) {
                progress.note("cold start: SnapStart restore " + result.restoreDuration().toMillis() + " ms");
            }
            Integer status = statusOf(result);
            if (result.functionError() == null && status != null && status == 200) {
                if (verbose) {
                    out.println(result.payload());
                }
                progress.line("SUCCESS: " + client.function() + whose + " got 200 from the API");
                seen.stream().filter(r -> r.status() == 200).forEach(r -> recorded.put(r.requestId(),
                        client.consumer()));
            } else {
                allSucceeded = false;
                // The answer is the evidence; a function error is its type and message (its stack trace and the
                // function's log are for --verbose).
                out.println(verbose || result.functionError() == null ? result.payload()
                        : functionErrorLine(result.payload()));
                out.println("FAILED: " + client.function() + whose + (result.functionError() != null
                        ? " raised a function error" : " got " + status + " from the API"));
                seen.stream().filter(r -> r.explanation() != null)
                        .forEach(r -> out.println("    why (API Gateway): " + r.explanation()));
                stsDenials.forEach(reason -> out.println("    why (STS): " + reason));
                networkDenials.forEach(reason -> out.println("    why (network): " + reason));
                if (result.functionError() != null && verbose && result.logTail() != null
                        && !result.logTail().isBlank()) {
                    out.println("    function log:");
                    result.logTail().lines().forEach(line -> out.println("      " + line));
                }
            }
        }
        if (!recorded.isEmpty()) {
            allSucceeded &= readBack(recorded, deployment, cloud, applier, progress, verbose, out);
        }
        progress.line(String.format("%s in %.1f s", allSucceeded ? "Rehearsal passed" : "Rehearsal FAILED",
                progress.elapsedSeconds()));
        return allSucceeded ? ExitStatus.OK : ExitStatus.FAILED;
    }

    /**
     * Reads each recorded request back through GET /requests/{id}, signed as the direct client of the consumer that
     * made it, through that consumer's endpoint.
     */
    private boolean readBack(Map<String, Deployment.DeployedConsumer> recorded, Deployment deployment,
                             LocalCloud cloud, StackApplier applier, Progress progress, boolean verbose,
                             PrintStream out) throws IOException, InterruptedException {
        progress.step("Reading the recorded requests back through GET /requests/{id}");
        String apiId = deployment.provider().outputs().get("APIGatewayID");
        String stage = deployment.provider().outputs().get("APIStageName");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int read = 0;
        for (Map.Entry<String, Deployment.DeployedConsumer> entry : recorded.entrySet()) {
            String id = entry.getKey();
            Map<String, String> outputs = entry.getValue().stack().outputs();
            Credentials reader = applier.credentialsOf(outputs.get("DirectAuthClientFunctionName"));
            URI base = listener(cloud, outputs.get("APIGatewayEndpointID")).url();
            HttpResponse<String> response = http.send(SignedHttp.get(base.resolve("/" + stage + "/requests/" + id),
                    Map.of("x-apigw-api-id", apiId), reader, cloud.region(), cloud.clock()),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                read++;
                if (verbose) {
                    out.println("    recorded " + id + ": " + response.body());
                }
            } else {
                out.println("FAILED: request " + id + " was answered 200 but reading it back gave "
                        + response.statusCode() + ": " + response.body());
            }
        }
        progress.done(read + " of " + recorded.size() + " requests read back from the table");
        return read == recorded.size();
    }

    /** The gateway listener standing for one of the consumer's endpoints. */
    static LocalCloud.EndpointListener listener(LocalCloud cloud, String endpointId) {
        return cloud.listener(endpointId).orElseThrow(() -> new IllegalStateException(
                "the consumer stack has no execute-api endpoint " + endpointId));
    }

    /**
     * Serves until Ctrl-C, SIGTERM or {@link #stop()}, then removes the environment file (its credentials are of no
     * use once the services are gone) and returns the line to print once the services are closed.
     */
    private String serve(RunLocalOptions options, DeploySettings settings, Deployment deployment, LocalCloud cloud,
                         StackApplier applier, PrintStream out) throws IOException, InterruptedException {
        Map<String, String> env = ServeEnvironment.of(settings, deployment, cloud, applier);
        Path envFile = options.envFile();
        try (StopSignals signals = new StopSignals(signal -> {
            stoppedBy = signal;
            stop.countDown();
        })) {
            EnvFile.write(envFile, env);
            try {
                out.println();
                printWhole(out, "Serving. Environment written to " + envFile + " (source it: . " + envFile + ")");
                printWhole(out, "API_VPCE_URL=" + env.get("API_VPCE_URL") + "  OTHER_VPCE_URL="
                        + env.get("OTHER_VPCE_URL") + "  STS_URL=" + env.get("STS_URL"));
                printWhole(out, "Press Ctrl-C to stop. Each request is shown below"
                        + (options.verbose() ? " with its access-log line." : " (--verbose adds the access log)."));
                if (!options.verbose()) {
                    cloud.onGatewayResponse(response -> printResponse(out, response));
                }
                stop.await();
            } finally {
                Files.deleteIfExists(envFile);
            }
        }
        return "Stopped by " + stoppedBy + ": services closed, " + envFile + " removed.";
    }

    /** One line per request while serving, and the reason of a denial. */
    private static void printResponse(PrintStream out, GatewayResponse response) {
        StringBuilder line = new StringBuilder("    ").append(response.status()).append(" request ")
                .append(response.requestId());
        if (response.callerArn() != null) {
            line.append(" from ").append(response.callerArn());
        }
        synchronized (out) {
            out.println(TerminalLine.fit(line.toString()));
            if (response.explanation() != null) {
                out.println("        why: " + response.explanation());
            }
        }
    }

    private static void printWhole(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
        }
    }

    /** A function error as one line: its type and message, as Lambda's error document gives them. */
    static String functionErrorLine(String payload) {
        try {
            JsonObject error = JsonParser.parseString(payload).getAsJsonObject();
            String type = error.has("errorType") ? error.get("errorType").getAsString() : "Error";
            String simple = type.substring(type.lastIndexOf('.') + 1);
            return "function error " + simple + ": " + (error.has("errorMessage")
                    ? error.get("errorMessage").getAsString() : payload);
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            return "function error: " + payload;
        }
    }

    private static Integer statusOf(InvocationResult result) {
        try {
            JsonObject payload = JsonParser.parseString(result.payload()).getAsJsonObject();
            return payload.has("statusCode") ? payload.get("statusCode").getAsInt() : null;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException | NumberFormatException e) {
            return null;
        }
    }
}
