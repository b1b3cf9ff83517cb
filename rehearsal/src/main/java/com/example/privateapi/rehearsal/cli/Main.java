package com.example.privateapi.rehearsal.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Entry point of {@code run-local.sh}: parses the command line once and runs the command. Whatever goes wrong ends
 * in one or two lines and an exit status (see {@link ExitStatus}), never in a stack trace.
 */
public final class Main {

    /** Set to 1 to see the stack trace of an unexpected error, for a bug report. */
    static final String TRACE_VARIABLE = "RUN_LOCAL_TRACE";

    private Main() {
    }

    public static void main(String[] args) {
        // The rehearsal's HTTP servers answer small requests: without TCP_NODELAY, Nagle's algorithm and the
        // peer's delayed acknowledgement would add up to 40 ms to exchanges AWS answers at once.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        PrintStream out = System.out;
        PrintStream err = System.err;
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> err.println("run-local.sh: " + thread.getName()
                + " stopped: " + e));
        int status;
        try {
            status = run(args, out, err);
        } catch (RuntimeException | Error e) {
            err.println("run-local.sh: unexpected error: " + e + " (a bug in the rehearsal: please report it with "
                    + "the command you ran; " + TRACE_VARIABLE + "=1 shows where it happened)");
            if ("1".equals(System.getenv(TRACE_VARIABLE))) {
                e.printStackTrace(err);
            }
            status = ExitStatus.INTERNAL_ERROR;
        }
        out.flush();
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine.Command command;
        try {
            command = CommandLine.parse(Arrays.asList(args));
        } catch (CommandLine.UsageException e) {
            err.println(CommandLine.describe(e));
            return ExitStatus.USAGE;
        }
        Path root = Path.of("");
        if (command instanceof CommandLine.Help help) {
            out.print(help.text());
            return ExitStatus.OK;
        } else if (command instanceof CommandLine.Simulate simulate) {
            return new SimulateCommand().run(simulate.file(), out, err);
        } else if (command instanceof CommandLine.Model model) {
            return new ModelCommand().run(model, out, err);
        } else if (command instanceof CommandLine.BenchColdStart bench) {
            return new ColdStartCommand(root).run(bench.runs(), out, err);
        } else if (command instanceof CommandLine.BenchLoad load) {
            return new LoadBenchCommand(root).run(load, out, err);
        } else if (command instanceof CommandLine.Rehearse rehearse) {
            return new RunLocalCommand(root).run(rehearse.options(), out, err);
        }
        throw new IllegalStateException("no command for " + command);
    }
}
