package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs Lambda functions the way Lambda runs them: each in its own JVM with its own environment and its role's
 * credentials, loaded by its {@code Handler} from its deployment jar by the AWS Lambda Java runtime interface client,
 * so a packaging mistake fails here as it would on Lambda. A SnapStart function goes through SnapStart's lifecycle
 * with the runtime client's own protocol: {@link #publish} runs init and the beforeCheckpoint hooks, and a cold start
 * resumes that environment, which runs the afterRestore hooks before its first event. One invocation per execution
 * environment: concurrent invocations get environments of their own, up to the function's reserved concurrency or
 * else its account's, and beyond that are throttled.
 */
public final class LocalLambda implements AutoCloseable {

    static {
        // Before the first HTTP server is made: without TCP_NODELAY, Nagle's algorithm and delayed acknowledgements
        // would add up to 40 ms to small exchanges (the Runtime API's, the gateway's) that AWS answers at once.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final String region;
    private final PrintStream functionLog;
    private final RuntimeLaunch launch;
    private final Path scratch;
    private final Map<String, DeployedFunction> functions = new ConcurrentHashMap<>();
    private final int accountConcurrency;
    private final Map<String, ConcurrencyLimit> accounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> coldStarts = new ConcurrentHashMap<>();
    private CredentialsEndpoint credentialsEndpoint;

    /**
     * @param runtimeDir  folder of the runtime interface client's jars, or null for the one the build prepares
     * @param functionLog where the functions' log lines are echoed, or null to keep them for failures only
     */
    public LocalLambda(Path runtimeDir, String region, PrintStream functionLog) throws IOException {
        this(runtimeDir, region, functionLog, 1000);
    }

    /**
     * @param accountConcurrency invocations an account's unreserved functions may run at once (Lambda's default
     *                           account quota is 1,000; each environment here is a JVM, so a small machine wants fewer)
     */
    public LocalLambda(Path runtimeDir, String region, PrintStream functionLog, int accountConcurrency)
            throws IOException {
        if (accountConcurrency < 1) {
            throw new IllegalArgumentException("the account concurrency must be at least 1");
        }
        Path runtime = runtimeDir != null ? runtimeDir : defaultRuntimeDir();
        this.region = region;
        this.functionLog = functionLog;
        this.accountConcurrency = accountConcurrency;
        if (!Files.isDirectory(runtime)) {
            throw new IOException("the Lambda runtime jars are missing from " + runtime
                    + ": build the project first (mvn package)");
        }
        this.scratch = Files.createTempDirectory("local-lambda-");
        this.launch = new RuntimeLaunch(runtime, RuntimeLaunch.unpackNativeLibrary(runtime, scratch));
    }

    /** Deploys (or replaces) a function; its environment starts at the first invocation (or publish). */
    public void deploy(FunctionSpec spec, Credentials credentials) {
        if (!Files.isRegularFile(spec.codeJar())) {
            throw new IllegalArgumentException("function " + spec.name() + ": its code " + spec.codeJar()
                    + " does not exist; build it with: mvn package");
        }
        ConcurrencyLimit limit = spec.reservedConcurrency() != null
                ? ConcurrencyLimit.reserved(spec.name(), spec.reservedConcurrency())
                : accounts.computeIfAbsent(spec.accountId(), id -> ConcurrencyLimit.account(id, accountConcurrency));
        DeployedFunction previous = functions.put(spec.name(), new DeployedFunction(spec, credentials, launch, region,
                this::credentialsEndpoint, functionLog, limit));
        if (previous != null) {
            previous.close();
        }
    }

    /**
     * Publishes a version of a SnapStart function: init and the beforeCheckpoint hooks run, and the environment is
     * kept for the next cold start. A failing hook fails the publish with its error, as on Lambda.
     *
     * @throws IllegalArgumentException no such function
     * @throws IllegalStateException    the function does not use SnapStart
     */
    public PublishResult publish(String functionName) {
        DeployedFunction function = functions.get(functionName);
        if (function == null) {
            throw new IllegalArgumentException("Function not found: " + functionName);
        }
        return function.publish();
    }

    /**
     * Invokes a function as Lambda's Invoke API does: in an idle execution environment, else a new one (a cold start,
     * counted, and told on the function log), else throttled (429 TooManyRequestsException).
     */
    public InvocationResult invoke(String functionName, String payload) {
        DeployedFunction function = functions.get(functionName);
        if (function == null) {
            return InvocationResult.serviceError("ResourceNotFoundException", "Function not found: " + functionName,
                    "");
        }
        try {
            InvocationResult result = function.invoke(payload);
            if (result.initDuration() != null || result.restoreDuration() != null) {
                long count = coldStarts.computeIfAbsent(functionName, n -> new AtomicLong()).incrementAndGet();
                int running = function.environments();
                notice(functionName, "cold start " + count + ": " + (result.initDuration() != null ? "init "
                        + result.initDuration().toMillis() : "restore " + result.restoreDuration().toMillis())
                        + " ms (" + running + " execution environment" + (running == 1 ? "" : "s") + ")");
            }
            return result;
        } catch (ConcurrencyLimit.Exceeded e) {
            notice(functionName, "throttled (TooManyRequestsException, " + e.reason() + "): " + e.getMessage());
            return InvocationResult.throttled(e.reason(), e.getMessage());
        }
    }

    /** Cold starts of a function so far: execution environments started or restored, after a failure included. */
    public long coldStarts(String functionName) {
        AtomicLong count = coldStarts.get(functionName);
        return count == null ? 0 : count.get();
    }

    /** Execution environments a function has now, busy or idle. */
    public int environments(String functionName) {
        DeployedFunction function = functions.get(functionName);
        return function == null ? 0 : function.environments();
    }

    private void notice(String functionName, String text) {
        if (functionLog != null) {
            functionLog.println("    [" + functionName + "] " + text);
        }
    }

    /** Ends a function's execution environments, so that its next invocation is a cold start. */
    public void recycle(String functionName) {
        DeployedFunction function = functions.get(functionName);
        if (function != null) {
            function.recycle();
        }
    }

    private synchronized CredentialsEndpoint credentialsEndpoint() {
        if (credentialsEndpoint == null) {
            try {
                credentialsEndpoint = new CredentialsEndpoint();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot serve SnapStart credentials: " + e.getMessage(), e);
            }
        }
        return credentialsEndpoint;
    }

    /** {@code target/lambda-runtime} beside the rehearsal's own classes or jar. */
    static Path defaultRuntimeDir() throws IOException {
        try {
            Path code = Path.of(LocalLambda.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.getParent().resolve("lambda-runtime");
        } catch (URISyntaxException | SecurityException e) {
            throw new IOException("cannot locate the rehearsal's own code: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        functions.values().forEach(DeployedFunction::close);
        functions.clear();
        synchronized (this) {
            if (credentialsEndpoint != null) {
                credentialsEndpoint.close();
                credentialsEndpoint = null;
            }
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
