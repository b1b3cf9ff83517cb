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
 * so a packaging mistake fails here as it would on Lambda. One invocation per execution environment: concurrent
 * invocations get environments of their own ({@link EnvironmentPool}), up to the function's reserved concurrency or
 * else its account's, and beyond that are throttled.
 */
public final class LocalLambda implements AutoCloseable {

    private final Path runtimeDir;
    private final String region;
    private final PrintStream functionLog;
    private final int accountConcurrency;
    private final Map<String, EnvironmentPool<ExecutionEnvironment>> functions = new ConcurrentHashMap<>();
    private final Map<String, ConcurrencyLimit> accounts = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> coldStarts = new ConcurrentHashMap<>();
    private final Path scratch;
    /** The runtime client's JNI library, unpacked once for every environment, or null to let each unpack it. */
    private final Path nativeLibrary;

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
        this.runtimeDir = runtimeDir != null ? runtimeDir : defaultRuntimeDir();
        this.region = region;
        this.functionLog = functionLog;
        this.accountConcurrency = accountConcurrency;
        this.scratch = Files.createTempDirectory("local-lambda-");
        this.nativeLibrary = unpackNativeLibrary(this.runtimeDir, scratch);
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
        FunctionSpec launched = spec;
        if (nativeLibrary != null) {
            // Each runtime client would otherwise unpack its library to the same file in /tmp: environments starting
            // together overwrite it while another maps it, and that JVM dies of SIGBUS. Lambda ships it unpacked.
            Map<String, String> properties = new java.util.HashMap<>(spec.jvmSystemProperties());
            properties.put(JNI_PROPERTY, nativeLibrary.toString());
            launched = new FunctionSpec(spec.name(), spec.arn(), spec.codeJar(), spec.handler(), spec.environment(),
                    spec.timeout(), spec.memoryMb(), properties, spec.reservedConcurrency());
        }
        FunctionSpec environmentSpec = launched;
        ConcurrencyLimit limit = spec.reservedConcurrency() != null
                ? ConcurrencyLimit.reserved(spec.name(), spec.reservedConcurrency())
                : accounts.computeIfAbsent(spec.accountId(), id -> ConcurrencyLimit.account(id, accountConcurrency));
        EnvironmentPool<ExecutionEnvironment> previous = functions.put(spec.name(), new EnvironmentPool<>(limit,
                () -> new ExecutionEnvironment(environmentSpec, credentials, runtimeDir, region, functionLog)));
        if (previous != null) {
            previous.close();
        }
    }

    public InvocationResult invoke(String functionName, String payload) {
        EnvironmentPool<ExecutionEnvironment> pool = functions.get(functionName);
        if (pool == null) {
            return new InvocationResult("{\"errorMessage\":\"Function not found: " + functionName
                    + "\",\"errorType\":\"ResourceNotFoundException\"}", "Unhandled", "");
        }
        try (EnvironmentPool<ExecutionEnvironment>.Lease lease = pool.acquire()) {
            InvocationResult result = lease.environment().invoke(payload);
            if (result.initDuration() != null) {
                long count = coldStarts.computeIfAbsent(functionName, n -> new java.util.concurrent.atomic
                        .AtomicLong()).incrementAndGet();
                notice(functionName, "cold start " + count + ": a new execution environment, init "
                        + result.initDuration().toMillis() + " ms (" + pool.size() + " environment"
                        + (pool.size() == 1 ? "" : "s") + ")");
            }
            return result;
        } catch (ConcurrencyLimit.Exceeded e) {
            notice(functionName, "throttled (TooManyRequestsException, " + e.reason() + "): " + e.getMessage());
            return InvocationResult.throttled(e.reason(), e.getMessage());
        }
    }

    /** Cold starts of a function so far: executions environments started, restarts after a failure included. */
    public long coldStarts(String functionName) {
        java.util.concurrent.atomic.AtomicLong count = coldStarts.get(functionName);
        return count == null ? 0 : count.get();
    }

    /** Execution environments a function has now, busy or idle. */
    public int environments(String functionName) {
        EnvironmentPool<ExecutionEnvironment> pool = functions.get(functionName);
        return pool == null ? 0 : pool.size();
    }

    private void notice(String functionName, String text) {
        if (functionLog != null) {
            functionLog.println("    [" + functionName + "] " + text);
        }
    }

    /** Ends a function's execution environments, so that its next invocation is a cold start. */
    public void recycle(String functionName) {
        EnvironmentPool<ExecutionEnvironment> pool = functions.get(functionName);
        if (pool != null) {
            pool.recycle();
        }
    }

    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

    /** Unpacks the runtime client's JNI library for this platform into dir; null when its jar has none for it. */
    static Path unpackNativeLibrary(Path runtimeDir, Path dir) throws IOException {
        String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
        String name = switch (arch) {
            case "amd64", "x86_64" -> "libaws-lambda-jni.linux-x86_64.so";
            case "aarch64", "arm64" -> "libaws-lambda-jni.linux-aarch_64.so";
            default -> null;
        };
        if (name == null || !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return null;
        }
        try (var jars = Files.newDirectoryStream(runtimeDir, "aws-lambda-java-runtime-interface-client-*.jar")) {
            for (Path jar : jars) {
                try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                    java.util.zip.ZipEntry entry = file.getEntry("jni/" + name);
                    if (entry != null) {
                        Path target = dir.resolve(name);
                        try (java.io.InputStream in = file.getInputStream(entry)) {
                            Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        }
                        return target;
                    }
                }
            }
        }
        return null;
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
        functions.values().forEach(EnvironmentPool::close);
        functions.clear();
        try (java.util.stream.Stream<Path> files = Files.walk(scratch)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary folder left behind is harmless.
        }
    }
}
