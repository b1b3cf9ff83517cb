package com.example.privateapi.rehearsal.lambda;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

/**
 * How Lambda's managed Java runtime starts a function's JVM: the runtime interface client's main class with the
 * handler as argument, the function's jar and the runtime's jars on the class path, and the flags Lambda's own
 * launcher passes: the CRaC implementation org.crac delegates to ({@code org.crac.Core.Compat}), IPv4, the
 * runtime client's native library from a fixed path (Lambda ships it unpacked), the heap sized from the function's
 * memory, and the serial collector unless {@code JAVA_TOOL_OPTIONS} chooses another (Lambda developer guide,
 * "Customize Java runtime startup behavior": the Java runtimes use the serial collector by default, and
 * {@code JAVA_TOOL_OPTIONS} may choose the parallel or Shenandoah collector).
 */
final class RuntimeLaunch {

    static final String RUNTIME_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final Pattern CHOOSES_COLLECTOR = Pattern.compile("-XX:\\+Use\\w+GC\\b");

    private final Path runtimeDir;
    private final Path nativeLibrary;

    /**
     * @param runtimeDir    the runtime interface client and the jars it needs
     * @param nativeLibrary the client's JNI library unpacked, or null to let it unpack itself
     */
    RuntimeLaunch(Path runtimeDir, Path nativeLibrary) {
        this.runtimeDir = runtimeDir;
        this.nativeLibrary = nativeLibrary;
    }

    List<String> command(FunctionSpec spec) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:MaxHeapSize=" + Math.max(128, spec.memoryMb() * 85 / 100) + "m");
        if (!CHOOSES_COLLECTOR.matcher(spec.environment().getOrDefault("JAVA_TOOL_OPTIONS", "")).find()) {
            command.add("-XX:+UseSerialGC");
        }
        command.add("--add-opens=java.base/java.io=ALL-UNNAMED");
        command.add("-Dorg.crac.Core.Compat=com.amazonaws.services.lambda.crac");
        command.add("-Djava.net.preferIPv4Stack=true");
        if (nativeLibrary != null) {
            command.add("-D" + JNI_PROPERTY + "=" + nativeLibrary);
        }
        spec.jvmSystemProperties().forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-cp");
        command.add(spec.codeJar().toAbsolutePath() + File.pathSeparator + runtimeDir.toAbsolutePath()
                + File.separator + "*");
        command.add(RUNTIME_MAIN);
        command.add(spec.handler());
        return command;
    }

    /** The variables Lambda defines for every function, then the function's own. */
    static Map<String, String> environment(FunctionSpec spec, String region, int runtimeApiPort, InitType initType) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("LANG", "C.UTF-8");
        env.put("TZ", ":UTC");
        env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + runtimeApiPort);
        env.put("_HANDLER", spec.handler());
        env.put("AWS_REGION", region);
        env.put("AWS_DEFAULT_REGION", region);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
        env.put("AWS_LAMBDA_FUNCTION_VERSION", initType == InitType.SNAP_START ? "1" : "$LATEST");
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initType.value());
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
        env.put("AWS_LAMBDA_LOG_STREAM_NAME", "rehearsal");
        env.put("LAMBDA_TASK_ROOT", spec.codeJar().toAbsolutePath().getParent().toString());
        env.putAll(spec.environment());
        return env;
    }

    /** Unpacks the runtime client's JNI library for this platform into dir; null when the jar has none for it. */
    static Path unpackNativeLibrary(Path runtimeDir, Path dir) throws IOException {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String name = switch (arch) {
            case "amd64", "x86_64" -> "libaws-lambda-jni.linux-x86_64.so";
            case "aarch64", "arm64" -> "libaws-lambda-jni.linux-aarch_64.so";
            default -> null;
        };
        if (name == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        try (var jars = Files.newDirectoryStream(runtimeDir, "aws-lambda-java-runtime-interface-client-*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    ZipEntry entry = file.getEntry("jni/" + name);
                    if (entry != null) {
                        Path target = dir.resolve(name);
                        try (InputStream in = file.getInputStream(entry)) {
                            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                        return target;
                    }
                }
            }
        }
        return null;
    }
}
