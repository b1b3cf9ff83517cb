package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.rehearsal.identity.Credentials;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs Lambda functions the way Lambda runs them: each in its own JVM with its own environment and its role's
 * credentials, loaded by its {@code Handler} from its deployment jar by the AWS Lambda Java runtime interface client,
 * so a packaging mistake fails here as it would on Lambda.
 */
public final class LocalLambda implements AutoCloseable {

    private final Path runtimeDir;
    private final String region;
    private final PrintStream functionLog;
    private final Map<String, ExecutionEnvironment> functions = new ConcurrentHashMap<>();

    /**
     * @param runtimeDir  folder of the runtime interface client's jars, or null for the one the build prepares
     * @param functionLog where the functions' log lines are echoed, or null to keep them for failures only
     */
    public LocalLambda(Path runtimeDir, String region, PrintStream functionLog) throws IOException {
        this.runtimeDir = runtimeDir != null ? runtimeDir : defaultRuntimeDir();
        this.region = region;
        this.functionLog = functionLog;
        if (!Files.isDirectory(this.runtimeDir)) {
            throw new IOException("the Lambda runtime jars are missing from " + this.runtimeDir
                    + ": build the project first (mvn package)");
        }
    }

    /** Deploys (or replaces) a function; its environment starts at the first invocation. */
    public void deploy(FunctionSpec spec, Credentials credentials) {
        if (!Files.isRegularFile(spec.codeJar())) {
            throw new IllegalArgumentException("function " + spec.name() + ": its code " + spec.codeJar()
                    + " does not exist; build it with: mvn package");
        }
        ExecutionEnvironment previous = functions.put(spec.name(),
                new ExecutionEnvironment(spec, credentials, runtimeDir, region, functionLog));
        if (previous != null) {
            previous.close();
        }
    }

    public InvocationResult invoke(String functionName, String payload) {
        ExecutionEnvironment environment = functions.get(functionName);
        if (environment == null) {
            return new InvocationResult("{\"errorMessage\":\"Function not found: " + functionName
                    + "\",\"errorType\":\"ResourceNotFoundException\"}", "Unhandled", "");
        }
        return environment.invoke(payload);
    }

    /** Ends a function's execution environment, so that its next invocation is a cold start. */
    public void recycle(String functionName) {
        ExecutionEnvironment environment = functions.get(functionName);
        if (environment != null) {
            environment.close();
        }
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
        functions.values().forEach(ExecutionEnvironment::close);
        functions.clear();
    }
}
