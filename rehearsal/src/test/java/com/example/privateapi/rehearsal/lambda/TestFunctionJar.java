package com.example.privateapi.rehearsal.lambda;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Compiles small Lambda handlers into a deployment jar, as a build would, with org.crac packed in as the project's
 * function jars pack it.
 */
final class TestFunctionJar {

    static final String ECHO = """
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

    /** Records its lifecycle; fails a hook when its environment says so; reads its credentials as the SDK would. */
    static final String HOOKS = """
            package fn;

            import com.amazonaws.services.lambda.runtime.Context;
            import com.amazonaws.services.lambda.runtime.RequestHandler;
            import org.crac.Core;
            import org.crac.Resource;
            import java.net.HttpURLConnection;
            import java.net.URL;
            import java.nio.charset.StandardCharsets;
            import java.util.ArrayList;
            import java.util.LinkedHashMap;
            import java.util.List;
            import java.util.Map;

            public class Hooks implements RequestHandler<Map<String, Object>, Map<String, Object>>, Resource {
                private final List<String> lifecycle = new ArrayList<>();

                public Hooks() {
                    lifecycle.add("init " + System.getenv("AWS_LAMBDA_INITIALIZATION_TYPE"));
                    Core.getGlobalContext().register(this);
                }

                @Override
                public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
                    if (System.getenv("FAIL_BEFORE_CHECKPOINT") != null) {
                        throw new IllegalStateException("priming needs the network");
                    }
                    lifecycle.add("beforeCheckpoint");
                }

                @Override
                public void afterRestore(org.crac.Context<? extends Resource> context) {
                    if (System.getenv("FAIL_AFTER_RESTORE") != null) {
                        throw new IllegalStateException("no fresh state after restore");
                    }
                    lifecycle.add("afterRestore");
                }

                public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
                    lifecycle.add("invoke");
                    if (input.containsKey("sleep")) {
                        try {
                            Thread.sleep(((Number) input.get("sleep")).longValue());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("lifecycle", String.join(",", lifecycle));
                    out.put("keyVariable", System.getenv("AWS_ACCESS_KEY_ID"));
                    out.put("version", System.getenv("AWS_LAMBDA_FUNCTION_VERSION"));
                    out.put("pid", ProcessHandle.current().pid());
                    String uri = System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
                    if (uri != null) {
                        out.put("containerCredentials", fetch(uri, System.getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN")));
                        out.put("withoutToken", fetch(uri, "not-the-token"));
                    }
                    return out;
                }

                private static String fetch(String uri, String token) {
                    try {
                        HttpURLConnection connection = (HttpURLConnection) new URL(uri).openConnection();
                        connection.setRequestProperty("Authorization", token);
                        int status = connection.getResponseCode();
                        var body = status == 200 ? connection.getInputStream() : connection.getErrorStream();
                        return status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (Exception e) {
                        return "failed: " + e;
                    }
                }
            }
            """;

    private TestFunctionJar() {
    }

    static Path build(Path dir, Path runtimeDir) throws IOException {
        Path sources = dir.resolve("src/fn");
        Files.createDirectories(sources);
        Files.writeString(sources.resolve("Echo.java"), ECHO);
        Files.writeString(sources.resolve("Hooks.java"), HOOKS);
        Path classes = dir.resolve("classes");
        Files.createDirectories(classes);
        Path crac = cracJar();
        List<String> classpath = new ArrayList<>();
        try (Stream<Path> jars = Files.list(runtimeDir)) {
            jars.map(Path::toString).forEach(classpath::add);
        }
        classpath.add(crac.toString());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-d", classes.toString(), "-cp",
                String.join(File.pathSeparator, classpath), "--release", "17",
                sources.resolve("Echo.java").toString(), sources.resolve("Hooks.java").toString());
        if (status != 0) {
            throw new IOException("the test functions did not compile");
        }
        Path jar = dir.resolve("function.jar");
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes);
             JarFile cracClasses = new JarFile(crac.toFile())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/');
                written.add(name);
                out.putNextEntry(new JarEntry(name));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            for (JarEntry entry : cracClasses.stream().toList()) {
                if (entry.getName().startsWith("org/crac/") && entry.getName().endsWith(".class")
                        && written.add(entry.getName())) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    out.write(cracClasses.getInputStream(entry).readAllBytes());
                    out.closeEntry();
                }
            }
        }
        return jar;
    }

    private static Path cracJar() throws IOException {
        try {
            return Path.of(org.crac.Core.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot find org.crac: " + e.getMessage(), e);
        }
    }
}
