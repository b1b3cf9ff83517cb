package com.example.privateapi.rehearsal.lambda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/** Keeps the last lines a function process printed, and optionally echoes them with the function's name. */
final class LogTail {

    private static final int LINES = 60;
    /** How long {@link #settle} waits at most for lines already written to be read. */
    private static final long SETTLE_LIMIT_MS = 200;
    private final Deque<String> lines = new ArrayDeque<>();
    private final String prefix;
    private final PrintStream echo;
    private volatile InputStream followed;
    private volatile boolean reading;

    LogTail(String functionName, PrintStream echo) {
        this.prefix = "    [" + functionName + "] ";
        this.echo = echo;
    }

    /**
     * Reads the process's output to its end on a daemon thread. It reads only what is available, so the stream is
     * never held by a blocked read and {@link #settle} can ask it what is pending.
     */
    void follow(Process process) {
        InputStream in = process.getInputStream();
        followed = in;
        Thread reader = new Thread(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try (in) {
                while (true) {
                    reading = true;
                    int available = in.available();
                    if (available == 0 && !process.isAlive()) {
                        available = buffer.length;
                    } else if (available == 0) {
                        reading = false;
                        Thread.sleep(2);
                        continue;
                    }
                    int n = in.read(buffer, 0, Math.min(available, buffer.length));
                    if (n < 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            add(line.toString(StandardCharsets.UTF_8).replace("\r", ""));
                            line.reset();
                        } else {
                            line.write(buffer[i]);
                        }
                    }
                }
                if (line.size() > 0) {
                    add(line.toString(StandardCharsets.UTF_8));
                }
            } catch (IOException closed) {
                // The process ended.
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            } finally {
                reading = false;
            }
        }, "log-" + prefix.trim());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Waits until what the process has already written is read: the runtime posts an answer after the function's
     * output, and the answer must not overtake its log lines. Returns at once when nothing is pending.
     */
    void settle() {
        long deadline = System.nanoTime() + SETTLE_LIMIT_MS * 1_000_000;
        InputStream in = followed;
        try {
            while (in != null && (reading || in.available() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        } catch (IOException closed) {
            // Nothing more to read.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
