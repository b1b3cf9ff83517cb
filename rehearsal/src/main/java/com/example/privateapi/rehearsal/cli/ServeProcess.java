package com.example.privateapi.rehearsal.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code run-local.sh --serve} in a process of its own, for a benchmark to load and measure from outside: started
 * from this JVM's own classpath, ready once it has written its environment file, stopped with SIGTERM.
 */
final class ServeProcess implements AutoCloseable {

    private static final Pattern EXPORT = Pattern.compile("export ([A-Z_][A-Z0-9_]*)='(.*)'");
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Process process;
    private final Path envFile;
    private final Path log;

    private ServeProcess(Process process, Path envFile, Path log) {
        this.process = process;
        this.envFile = envFile;
        this.log = log;
    }

    /** Starts the rehearsal serving, its output going to {@code log}; waits until it serves. */
    static ServeProcess start(Path root, Path envFile, Path log, List<String> extraArgs, Duration wait)
            throws IOException, InterruptedException {
        // A file left by an earlier run must not pass for this one being ready.
        Files.deleteIfExists(root.resolve(envFile));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"),
                "com.example.privateapi.rehearsal.cli.Main", "--serve", "--env-file", envFile.toString()));
        command.addAll(extraArgs);
        Process process = new ProcessBuilder(command).directory(root.toAbsolutePath().toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ServeProcess serve = new ServeProcess(process, root.resolve(envFile), log);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!Files.isRegularFile(serve.envFile)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                serve.close();
                throw new IOException("the rehearsal did not start serving" + (process.isAlive() ? " within "
                        + wait.toSeconds() + " s" : " (exit status " + process.exitValue() + ")") + "; its output is in "
                        + log + ":\n" + tail(log));
            }
            Thread.sleep(200);
        }
        return serve;
    }

    long pid() {
        return process.pid();
    }

    /** The variables the serving rehearsal wrote. */
    Map<String, String> environment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(envFile, StandardCharsets.UTF_8)) {
            Matcher m = EXPORT.matcher(line);
            if (m.matches()) {
                env.put(m.group(1), m.group(2).replace("'\\''", "'"));
            }
        }
        return env;
    }

    /** Heap in use after a full collection, in KiB, as the JDK's jcmd reports it. */
    long heapUsedAfterGcKib() throws IOException, InterruptedException {
        jcmd("GC.run");
        Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!m.find()) {
            throw new IOException("jcmd GC.heap_info gave no heap figure");
        }
        return Long.parseLong(m.group(1));
    }

    /** Resident memory, in KiB, from /proc (Linux); -1 where there is none. */
    long residentKib() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IOException("jcmd " + command + " failed: " + output.trim());
        }
        return output;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM, as Ctrl-C; SIGKILL if it has not stopped within 20 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
