package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.gateway.GatewayResponse;
import com.example.privateapi.rehearsal.identity.Credentials;
import com.example.privateapi.rehearsal.lambda.InvocationResult;
import com.example.privateapi.rehearsal.template.TemplateException;
import com.example.privateapi.rehearsal.template.TemplateReader;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run-local.sh}: rehearses deploy-all.sh and invoke.sh on one machine, from the real templates, with the
 * same parameter hand-off; prints SUCCESS or FAILED per client as invoke.sh does, with the reason of a denial.
 */
public final class RunLocalCommand {


    private final TemplateReader reader = new TemplateReader();
    private final Path root;
    private final CountDownLatch stop = new CountDownLatch(1);

    /** Runs from the project folder: the templates and the built jars are found relative to it. */
    public RunLocalCommand() {
        this(Path.of(""));
    }

    public RunLocalCommand(Path projectRoot) {
        this.root = projectRoot;
    }

    /** Ends a {@code --serve} run, as Ctrl-C does. */
    public void stop() {
        stop.countDown();
    }

    public int run(List<String> args, PrintStream out, PrintStream err) {
        RunLocalOptions options;
        try {
            options = RunLocalOptions.parse(args);
        } catch (RunLocalOptions.HelpRequested help) {
            out.print(RunLocalOptions.USAGE);
            return 0;
        } catch (RunLocalOptions.UsageException e) {
            err.println("run-local.sh: " + e.getMessage());
            err.print(RunLocalOptions.USAGE);
            return 2;
        }
        Progress progress = new Progress(out);
        out.println("Offline rehearsal of the cross-account private API (a rehearsal, never a production gateway)");
        progress.step("Starting local STS, DynamoDB, API Gateway endpoints and the Lambda runtime");
        try (LocalCloud cloud = new LocalCloud(options.region(), options.dynamodbUrl(), root.resolve(".local"),
                new PrefixedStream(out, "    access-log "), options.verbose() ? out : null);
             DynamoTables tables = new DynamoTables(cloud.dynamodbUrl, options.region())) {
            progress.done("STS " + cloud.stsUrl + ", DynamoDB " + cloud.dynamodbUrl);
            StackApplier applier = new StackApplier(cloud, tables);
            Deployment deployment = new DeployFlow(reader, root, cloud, applier, progress).run(options);
            int code = invokeClients(deployment, cloud, applier, progress, out);
            if (options.serve()) {
                serve(options, deployment, cloud, applier, out);
            }
            return code;
        } catch (TemplateException | IllegalStateException | IllegalArgumentException e) {
            err.println("run-local.sh: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("run-local.sh: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private int invokeClients(Deployment deployment, LocalCloud cloud, StackApplier applier, Progress progress,
                              PrintStream out) throws IOException, InterruptedException {
        Map<String, String> outputs = deployment.consumer().outputs();
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("DirectAuthClientFunctionName", outputs.get("DirectAuthClientFunctionName"));
        clients.put("AssumeRoleClientFunctionName", outputs.get("AssumeRoleClientFunctionName"));
        boolean allSucceeded = true;
        List<String> recordedIds = new ArrayList<>();
        for (Map.Entry<String, String> client : clients.entrySet()) {
            if (client.getValue() == null) {
                out.println("FAILED: the consumer stack has no " + client.getKey() + " output (is pAPIRoleARN set?)");
                allSucceeded = false;
                continue;
            }
            progress.step("Invoking " + client.getValue());
            cloud.drainGatewayResponses();
            cloud.drainStsDenials();
            cloud.drainNetworkDenials();
            InvocationResult result = cloud.lambda.invoke(client.getValue(), "{}");
            List<GatewayResponse> seen = cloud.drainGatewayResponses();
            List<String> stsDenials = cloud.drainStsDenials();
            List<String> networkDenials = cloud.drainNetworkDenials();
            out.println(result.payload());
            if (result.initDuration() != null) {
                out.printf("    cold start: init %d ms%n", result.initDuration().toMillis());
            }
            Integer status = statusOf(result);
            if (result.functionError() == null && status != null && status == 200) {
                out.println("SUCCESS: " + client.getValue() + " got 200 from the API");
                seen.stream().filter(r -> r.status() == 200).forEach(r -> recordedIds.add(r.requestId()));
            } else {
                allSucceeded = false;
                out.println("FAILED: " + client.getValue() + (result.functionError() != null
                        ? " raised a function error" : " got " + status + " from the API"));
                seen.stream().filter(r -> r.explanation() != null)
                        .forEach(r -> out.println("    why (API Gateway): " + r.explanation()));
                stsDenials.forEach(reason -> out.println("    why (STS): " + reason));
                networkDenials.forEach(reason -> out.println("    why (network): " + reason));
                if (result.functionError() != null && result.logTail() != null && !result.logTail().isBlank()) {
                    out.println("    function log:");
                    result.logTail().lines().forEach(line -> out.println("      " + line));
                }
            }
        }
        if (!recordedIds.isEmpty()) {
            allSucceeded &= readBack(recordedIds, deployment, cloud, applier, progress, out);
        }
        out.printf("%s in %.1f s%n", allSucceeded ? "Rehearsal passed" : "Rehearsal FAILED",
                progress.elapsedSeconds());
        return allSucceeded ? 0 : 1;
    }

    /** Reads each recorded request back through GET /requests/{id}, signed as the direct client. */
    private boolean readBack(List<String> ids, Deployment deployment, LocalCloud cloud, StackApplier applier,
                             Progress progress, PrintStream out) throws IOException, InterruptedException {
        progress.step("Reading the recorded requests back through GET /requests/{id}");
        String endpointId = deployment.consumer().outputs().get("APIGatewayEndpointID");
        Credentials reader = applier.credentialsOf(deployment.consumer().outputs().get("DirectAuthClientFunctionName"));
        URI base = listener(cloud, endpointId).url();
        String apiId = deployment.provider().outputs().get("APIGatewayID");
        String stage = deployment.provider().outputs().get("APIStageName");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        boolean ok = true;
        for (String id : ids) {
            HttpResponse<String> response = http.send(SignedHttp.get(base.resolve("/" + stage + "/requests/" + id),
                    Map.of("x-apigw-api-id", apiId), reader, cloud.region, cloud.clock),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                out.println("    recorded " + id + ": " + response.body());
            } else {
                ok = false;
                out.println("FAILED: request " + id + " was answered 200 but reading it back gave "
                        + response.statusCode() + ": " + response.body());
            }
        }
        return ok;
    }

    /** The gateway listener standing for one of the consumer's endpoints. */
    static LocalCloud.EndpointListener listener(LocalCloud cloud, String endpointId) {
        return cloud.listener(endpointId).orElseThrow(() -> new IllegalStateException(
                "the consumer stack has no execute-api endpoint " + endpointId));
    }

    private void serve(RunLocalOptions options, Deployment deployment, LocalCloud cloud, StackApplier applier,
                       PrintStream out) throws IOException, InterruptedException {
        Map<String, String> env = ServeEnvironment.of(options, deployment, cloud, applier,
                listener(cloud, deployment.consumer().outputs().get("APIGatewayEndpointID")));
        EnvFile.write(options.envFile(), env);
        out.println();
        out.println("Serving. Environment written to " + options.envFile() + " (source it: . " + options.envFile()
                + ")");
        out.println("API_VPCE_URL=" + env.get("API_VPCE_URL") + "  OTHER_VPCE_URL=" + env.get("OTHER_VPCE_URL")
                + "  STS_URL=" + env.get("STS_URL"));
        out.println("Press Ctrl-C to stop.");
        Thread onSignal = new Thread(() -> {
            stop.countDown();
            cloud.close();
        }, "run-local-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        stop.await();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running already.
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
