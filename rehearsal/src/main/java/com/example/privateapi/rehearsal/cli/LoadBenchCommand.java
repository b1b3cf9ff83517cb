package com.example.privateapi.rehearsal.cli;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code run-local.sh bench-load}: starts the rehearsal serving in a process of its own, loads it with signed GETs of
 * the API's root through the allowed endpoint (the direct client's credentials, the AWS SDK's signer, kept-alive
 * connections) at each concurrency for a fixed time, and reports throughput, p50 and p99 latency and the status
 * histogram; then checks that every 200 was recorded in DynamoDB exactly once, and compares the serving process's
 * heap after a full collection, and its resident memory, before and after.
 */
public final class LoadBenchCommand {

    private final Path root;

    public LoadBenchCommand(Path projectRoot) {
        this.root = projectRoot;
    }

    /** One phase's figures. */
    record Phase(int concurrency, Duration duration, long[] latencies, Map<String, Integer> statuses) {

        double throughput() {
            return latencies.length / (duration.toNanos() / 1e9);
        }

        double percentileMillis(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
            return latencies[Math.max(0, Math.min(latencies.length - 1, index))] / 1e6;
        }
    }

    public int run(CommandLine.BenchLoad options, PrintStream out, PrintStream err) {
        Path log = root.resolve(".local").resolve("bench-serve.log");
        try {
            Files.createDirectories(log.getParent());
            out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average "
                    + loadAverage() + " (shared: other work on this machine moves these figures)");
            out.println("Starting the rehearsal serving (its output: " + log + ") ...");
            try (ServeProcess serve = ServeProcess.start(root, Path.of(".local", "bench-env"), log,
                    List.of("--lambda-concurrency", Integer.toString(options.lambdaConcurrency())),
                    Duration.ofMinutes(5))) {
                return measure(serve, options, out);
            }
        } catch (IOException | IllegalStateException e) {
            err.println("bench-load: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }

    private int measure(ServeProcess serve, CommandLine.BenchLoad options, PrintStream out) throws IOException,
            InterruptedException {
        Map<String, String> env = serve.environment();
        URI target = URI.create(env.get("API_VPCE_URL"));
        String path = env.get("API_PREFIX") + "/";
        AwsSessionCredentialsIdentity identity = AwsSessionCredentialsIdentity.create(
                env.get("DIRECT_CLIENT_ACCESS_KEY_ID"), env.get("DIRECT_CLIENT_SECRET_ACCESS_KEY"),
                env.get("DIRECT_CLIENT_SESSION_TOKEN"));
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(URI.create(env.get("DYNAMODB_URL")))
                .region(Region.of(env.get("AWS_REGION"))).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDBENCH",
                        "bench"))).build()) {
            String table = env.get("DDB_TABLE");
            Set<String> before = recordedIds(dynamo, table);
            long heapBefore = serve.heapUsedAfterGcKib();
            long rssBefore = serve.residentKib();
            out.printf("Serving process %d: heap after GC %,d KiB, resident %,d KiB%n  %,d records in %s%n",
                    serve.pid(), heapBefore, rssBefore, before.size(), table);

            List<String> answered200 = new ArrayList<>();
            long unanswered = 0;
            int highest = options.concurrency().stream().mapToInt(Integer::intValue).max().orElse(1);
            if (options.warmupSeconds() > 0) {
                out.printf("Warming up: %d s at concurrency %d (not in the figures below)%n", options.warmupSeconds(),
                        highest);
                Phase warm = run(target, path, env, identity, highest, Duration.ofSeconds(options.warmupSeconds()),
                        answered200);
                unanswered += unanswered(warm);
                out.printf("Warm-up: %d requests, %.1f/s, statuses %s%n", warm.latencies().length, warm.throughput(),
                        warm.statuses());
            }
            // Memory is compared from here: the environments, compiled code and caches of the warm-up are there to
            // stay; what must not grow is what each request leaves behind.
            long heapWarm = serve.heapUsedAfterGcKib();
            long rssWarm = serve.residentKib();
            out.printf("After the warm-up: heap after GC %,d KiB, resident %,d KiB%n", heapWarm, rssWarm);
            out.printf("%n%-12s %10s %10s %9s %9s %9s  %s%n", "concurrency", "requests", "req/s", "p50 ms",
                    "p99 ms", "max ms", "statuses");
            long total = 0;
            for (int concurrency : options.concurrency()) {
                Phase phase = run(target, path, env, identity, concurrency,
                        Duration.ofSeconds(options.durationSeconds()), answered200);
                total += phase.latencies().length;
                unanswered += unanswered(phase);
                out.printf("%-12d %10d %10.1f %9.1f %9.1f %9.1f  %s%n", concurrency, phase.latencies().length,
                        phase.throughput(), phase.percentileMillis(50), phase.percentileMillis(99),
                        phase.percentileMillis(100), phase.statuses());
            }
            out.println("Machine load average after: " + loadAverage());

            Set<String> after = recordedIds(dynamo, table);
            Set<String> added = new HashSet<>(after);
            added.removeAll(before);
            long missing = answered200.stream().filter(id -> !after.contains(id)).count();
            long withoutA200 = added.size() - answered200.stream().filter(added::contains).count();
            boolean once = new HashSet<>(answered200).size() == answered200.size();
            // A record without a 200 is a request the client gave up on (timed out, connection lost) after the
            // backend had written it: the client saw no answer, so it is not a lost 200.
            boolean exact = missing == 0 && once && withoutA200 <= unanswered;
            out.printf("%nDynamoDB: %,d answers 200 (warm-up included), %,d records added;%n"
                    + "  200s without a record: %,d; records without a 200: %,d (left unanswered at the client: %,d)"
                    + "%n  -> %s%n",
                    answered200.size(), added.size(), missing, withoutA200, unanswered,
                    exact ? "every 200 recorded exactly once" : "MISMATCH");

            long heapAfter = serve.heapUsedAfterGcKib();
            long rssAfter = serve.residentKib();
            out.printf("Serving process: heap after GC %,d KiB after the warm-up, %,d KiB after %,d more requests%n"
                    + "  (%+.1f KiB per 1,000 requests); resident %,d -> %,d KiB%n", heapWarm, heapAfter, total,
                    (heapAfter - heapWarm) * 1000.0 / Math.max(1, total), rssWarm, rssAfter);
            return exact ? 0 : 1;
        }
    }

    private Phase run(URI target, String path, Map<String, String> env, AwsSessionCredentialsIdentity identity,
                      int concurrency, Duration duration, List<String> answered200) throws InterruptedException {
        long deadline = System.nanoTime() + duration.toNanos();
        List<LoadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < concurrency; i++) {
            LoadWorker worker = new LoadWorker(target, path, env.get("API_ID"), identity, env.get("AWS_REGION"),
                    deadline);
            Thread thread = new Thread(worker, "bench-load-" + i);
            workers.add(worker);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        int count = workers.stream().mapToInt(w -> w.results.count).sum();
        long[] latencies = new long[count];
        int at = 0;
        Map<String, Integer> statuses = new TreeMap<>();
        for (LoadWorker worker : workers) {
            System.arraycopy(worker.results.latenciesNanos, 0, latencies, at, worker.results.count);
            at += worker.results.count;
            worker.results.statuses.forEach((status, n) -> statuses.merge(status, n, Integer::sum));
            answered200.addAll(worker.results.recordedIds);
        }
        Arrays.sort(latencies);
        return new Phase(concurrency, elapsed, latencies, statuses);
    }

    /** Requests of a phase the client got no HTTP answer to. */
    private static long unanswered(Phase phase) {
        return phase.statuses().entrySet().stream().filter(e -> !e.getKey().matches("\\d{3}"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Set<String> recordedIds(DynamoDbClient dynamo, String table) {
        Set<String> ids = new HashSet<>();
        Map<String, AttributeValue> startKey = null;
        do {
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table).projectionExpression("id");
            if (startKey != null) {
                scan.exclusiveStartKey(startKey);
            }
            ScanResponse page = dynamo.scan(scan.build());
            page.items().forEach(item -> ids.add(item.get("id").s()));
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                    : null;
        } while (startKey != null);
        return ids;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "(unknown)";
        }
    }
}
