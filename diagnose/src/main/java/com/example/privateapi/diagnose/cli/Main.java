package com.example.privateapi.diagnose.cli;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

/** Entry point of {@code diagnose.sh}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The report's marks (✔ ✗) are UTF-8 whatever the locale says.
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = new DiagnoseCommand(Clock.systemUTC()).run(List.of(args), System.getenv(), out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
