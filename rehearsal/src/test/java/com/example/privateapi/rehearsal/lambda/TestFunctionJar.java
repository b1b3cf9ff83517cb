package com.example.privateapi.rehearsal.lambda;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles a small Lambda handler into a deployment jar, as a build would. */
final class TestFunctionJar {

    static final String SOURCE = """
            package fn;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import java.util.LinkedHashMap;
            import java.util.Map;

            public class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
                    if (input.containsKey("fail")) {
                        throw new IllegalStateException("asked to fail");
                    }
                    if (input.containsKey("sleep")) {
                        try {
                            Thread.sleep(((Number) input.get("sleep")).longValue());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    System.out.println("echo " + input);
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("input", input);
                    out.put("function", System.getenv("AWS_LAMBDA_FUNCTION_NAME"));
                    out.put("greeting", System.getenv("GREETING"));
                    out.put("accessKey", System.getenv("AWS_ACCESS_KEY_ID"));
                    out.put("home", System.getenv("HOME"));
                    out.put("requestId", context.getAwsRequestId());
                    return out;
                }
            }
            """;

    private TestFunctionJar() {
    }

    static Path build(Path dir, Path runtimeDir) throws IOException {
        Path src = dir.resolve("src/fn/Echo.java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, SOURCE);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String classpath;
        try (Stream<Path> jars = Files.list(runtimeDir)) {
            classpath = String.join(java.io.File.pathSeparator, jars.map(Path::toString).toList());
        }
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp", classpath, "--release", "17",
                src.toString());
        if (status != 0) {
            throw new IOException("the test function did not compile");
        }
        Path jar = dir.resolve("function.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                try (OutputStream entry = OutputStream.nullOutputStream()) {
                    out.write(Files.readAllBytes(file));
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
