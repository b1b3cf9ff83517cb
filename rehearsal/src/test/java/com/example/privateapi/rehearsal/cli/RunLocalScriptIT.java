package com.example.privateapi.rehearsal.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code run-local.sh} itself, as a user runs it: in a fresh copy of the project where nothing is built yet (what a
 * clone holds), and in this built checkout.
 */
class RunLocalScriptIT {

    static final Path ROOT = RunLocalIT.ROOT;

    record Run(int exit, String out, String err) {
    }

    /** Runs {@code run-local.sh ARGS} in {@code dir}, with {@code stdin} (a file) or no input at all. */
    static Run runLocal(Path dir, Path stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", dir.resolve("run-local.sh").toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("run-local", ".out");
        Path err = Files.createTempFile("run-local", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(stdin != null ? ProcessBuilder.Redirect.from(stdin.toFile())
                            : ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().remove("MAVEN_OPTS");
            Process process = builder.start();
            assertTrue(process.waitFor(10, TimeUnit.MINUTES), "run-local.sh " + String.join(" ", args) + " hangs");
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The project's files as a fresh clone has them: tracked and new files, nothing ignored (no build, no npm). */
    static Path freshCopy(Path target) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(ROOT.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] listing = git.getInputStream().readAllBytes();
        Assumptions.assumeTrue(git.waitFor() == 0 && listing.length > 0,
                "SKIPPED: the project is not a git checkout, so a fresh copy of it cannot be listed");
        for (String name : new String(listing, StandardCharsets.UTF_8).split("\0")) {
            Path source = ROOT.resolve(name);
            if (Files.isRegularFile(source)) {
                Path copy = target.resolve(name);
                Files.createDirectories(copy.getParent());
                Files.copy(source, copy, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }

    static boolean anythingBuilt(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().equals("target")
                    || p.getFileName().toString().equals("node_modules"));
        }
    }

    /**
     * In a fresh copy: help and usage errors answer before anything is built; then {@code simulate -} with piped
     * input gives the decisions although the first run builds everything first (the build must not read the
     * input), and the same once built.
     */
    @Test
    void aFreshCloneAnswersHelpAtOnceAndSimulatesFromStandardInputWhileItBuilds(@TempDir Path dir) throws Exception {
        Path project = freshCopy(dir.resolve("project"));

        Run help = runLocal(project, null, "--help");
        assertEquals(0, help.exit(), help.err());
        assertTrue(help.out().startsWith("usage: run-local.sh [options]"), help.out());
        assertEquals("", help.err());
        Run simulateHelp = runLocal(project, null, "simulate", "--help");
        assertEquals(0, simulateHelp.exit(), simulateHelp.err());
        assertTrue(simulateHelp.out().startsWith("usage: run-local.sh simulate FILE"), simulateHelp.out());
        Run bad = runLocal(project, null, "--provider-param", "novalue");
        assertEquals(2, bad.exit(), bad.err());
        assertEquals("run-local.sh: --provider-param takes NAME=VALUE (e.g. pAllowedVPCEndpoints=vpce-0000), got "
                + "\"novalue\"\n(run-local.sh --help shows the usage)\n", bad.err());
        assertTrue(!anythingBuilt(project), "--help and a usage error build nothing");

        Path cases = dir.resolve("cases.json");
        JsonArray simulations = new JsonArray();
        JsonElement denied = JsonParser.parseString(SimulateCommandTest.CROSS_ACCOUNT);
        JsonElement allowed = denied.deepCopy();
        allowed.getAsJsonObject().getAsJsonObject("context").addProperty("aws:SourceVpce", "vpce-0000");
        simulations.add(denied);
        simulations.add(allowed);
        Files.writeString(cases, simulations.toString());

        Run first = runLocal(project, cases, "simulate", "-");
        assertEquals(0, first.exit(), first.err() + first.out());
        assertTrue(first.err().contains("==> first run: building the Lambda jars and the rehearsal with Maven"),
                first.err());
        assertTrue(first.err().lines().anyMatch(l -> l.matches("    \\[\\d/\\d] Offline rehearsal.*")),
                "one line per module: " + first.err());
        assertTrue(first.err().lines().anyMatch(l -> l.matches("    built in \\d+ s")), first.err());
        assertDecisions(first.out());

        Run built = runLocal(project, cases, "simulate", "-");
        assertEquals(0, built.exit(), built.err());
        assertEquals("", built.err());
        assertEquals(first.out(), built.out());
    }

    static void assertDecisions(String out) {
        JsonArray decisions = JsonParser.parseString(out).getAsJsonArray();
        assertEquals(2, decisions.size(), out);
        assertEquals("ExplicitDeny", decisions.get(0).getAsJsonObject().get("decision").getAsString(), out);
        assertEquals("Allow", decisions.get(1).getAsJsonObject().get("decision").getAsString(), out);
    }

    /** The output of a whole run with --verbose, function logs included. */
    static String verboseRun() throws Exception {
        Run run = runLocal(ROOT, null, "--verbose");
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("    access-log "), "the verbose run shows everything: " + run.out());
        return run.out() + run.err();
    }

    /** The rehearsal's own JVM, and what it runs besides the functions (dynalite), print no SLF4J warnings. */
    @Test
    void theRehearsalPrintsNoLoggingBindingWarnings() throws Exception {
        String all = verboseRun();
        assertTrue(all.lines().filter(l -> !l.matches(" {4}\\[private-api-[^]]*] .*"))
                .noneMatch(l -> l.contains("SLF4J")), "SLF4J warnings: " + all);
    }

    /** Nor do the functions, whose log lines a verbose run shows with their names. */
    @Test
    void theFunctionsPrintNoLoggingBindingWarnings() throws Exception {
        String all = verboseRun();
        assertTrue(all.lines().noneMatch(l -> l.contains("SLF4J")), "SLF4J warnings: " + all);
    }

    /** A passing run leaves stderr empty and says nothing about the build once built. */
    @Test
    void aPassingRunInABuiltCheckoutPrintsNothingOnStderr() throws Exception {
        Run run = runLocal(ROOT, null);
        assertEquals(0, run.exit(), run.err() + run.out());
        assertEquals("", run.err());
        assertTrue(run.out().strip().lines().reduce((a, b) -> b).orElseThrow().startsWith("Rehearsal passed in "),
                run.out());
    }

    /**
     * SIGTERM (what {@code kill} and a service manager send; Ctrl-C's SIGINT takes the same path) ends
     * {@code --serve} with one line and status 0, removes the environment file and leaves no process behind:
     * neither the functions' JVMs nor dynalite.
     */
    @Test
    void serveStopsOnSigtermWithOneLineStatusZeroAndNothingLeftBehind(@TempDir Path dir) throws Exception {
        Path envFile = dir.resolve("env");
        Path out = dir.resolve("out");
        Process process = new ProcessBuilder("bash", ROOT.resolve("run-local.sh").toString(), "--serve",
                "--env-file", envFile.toString()).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        List<ProcessHandle> children = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!Files.readString(out).contains("Press Ctrl-C to stop.")) {
                assertTrue(process.isAlive() && System.nanoTime() < deadline, Files.readString(out));
                Thread.sleep(200);
            }
            assertTrue(Files.isRegularFile(envFile));
            process.descendants().forEach(children::add);
            assertTrue(children.size() >= 2, "dynalite and the function JVMs run: " + children);
            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "it stops");
        } finally {
            process.destroyForcibly();
        }
        String text = Files.readString(out);
        assertEquals(0, process.exitValue(), text);
        assertEquals("Stopped by SIGTERM: services closed, " + envFile + " removed.",
                text.strip().lines().reduce((a, b) -> b).orElseThrow(), text);
        assertTrue(!Files.exists(envFile), "the environment file is removed");
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
            assertTrue(!child.isAlive(), "left behind: " + child.info());
        }
    }
}
