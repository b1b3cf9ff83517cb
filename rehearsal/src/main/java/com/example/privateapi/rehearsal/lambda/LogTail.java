package com.example.privateapi.rehearsal.lambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Keeps the last lines a function process printed, and optionally echoes them with the function's name. */
final class LogTail {

    private static final int LINES = 60;
    private final Deque<String> lines = new ArrayDeque<>();
    private final String prefix;
    private final PrintStream echo;

    LogTail(String functionName, PrintStream echo) {
        this.prefix = "    [" + functionName + "] ";
        this.echo = echo;
    }

    /** Reads the stream to its end on a daemon thread. */
    void follow(InputStream in) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    add(line);
                }
            } catch (IOException closed) {
                // The process ended.
            }
        }, "log-" + prefix.trim());
        reader.setDaemon(true);
        reader.start();
    }

    synchronized void add(String line) {
        if (lines.size() == LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
        if (echo != null) {
            echo.println(prefix + line);
        }
    }

    synchronized String text() {
        return String.join("\n", lines);
    }
}
