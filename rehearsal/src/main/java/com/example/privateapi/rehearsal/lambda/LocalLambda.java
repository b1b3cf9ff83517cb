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
import java.util.stream.Stream;

/**
 * Runs Lambda functions the way Lambda runs them: each in its own JVM with its own environment and its role's
 * credentials, loaded by its {@code Handler} from its deployment jar by the AWS Lambda Java runtime interface client,
 * so a packaging mistake fails here as it would on Lambda. A SnapStart function goes through SnapStart's lifecycle
 * with the runtime client's own protocol: {@link #publish} runs init and the beforeCheckpoint hooks, and a cold start
 * resumes that environment, which runs the afterRestore hooks before its first event.
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
    private CredentialsEndpoint credentialsEndpoint;

    /**
     * @param runtimeDir  folder of the runtime interface client's jars, or null for the one the build prepares
     * @param functionLog where the functions' log lines are echoed, or null to keep them for failures only
     */
    public LocalLambda(Path runtimeDir, String region, PrintStream functionLog) throws IOException {
        Path runtime = runtimeDir != null ? runtimeDir : defaultRuntimeDir();
        this.region = region;
        this.functionLog = functionLog;
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
        DeployedFunction previous = functions.put(spec.name(), new DeployedFunction(spec, credentials, launch, region,
                this::credentialsEndpoint, functionLog));
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

    public InvocationResult invoke(String functionName, String payload) {
        DeployedFunction function = functions.get(functionName);
        if (function == null) {
            return InvocationResult.serviceError("ResourceNotFoundException", "Function not found: " + functionName,
                    "");
        }
        return function.invoke(payload);
    }

    /** Ends a function's execution environment, so that its next invocation is a cold start. */
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
