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
    /** The longest the reader sleeps while the process writes nothing: idle environments cost next to no CPU. */
    private static final long IDLE_SLEEP_LIMIT_MS = 20;
    private final Deque<String> lines = new ArrayDeque<>();
    private final String prefix;
    private final PrintStream echo;
    /** Held while bytes are read and split into lines, by the reader thread or by {@link #settle}. */
    private final Object reading = new Object();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[8192];
    private volatile InputStream followed;

    LogTail(String functionName, PrintStream echo) {
        this.prefix = "    [" + functionName + "] ";
        this.echo = echo;
    }

    /**
     * Reads the process's output to its end on a daemon thread. It reads only what is available, so the stream is
     * never held by a blocked read and {@link #settle} can read what is pending itself; while nothing comes, the
     * reader sleeps longer and longer (up to 20 ms), so that many idle environments do not keep waking it.
     */
    void follow(Process process) {
        InputStream in = process.getInputStream();
        followed = in;
        Thread reader = new Thread(() -> {
            long sleep = 1;
            try (in) {
                while (true) {
                    int n = drain(in);
                    if (n < 0) {
                        break;
                    }
                    if (n > 0) {
                        sleep = 1;
                    } else if (!process.isAlive()) {
                        // Ended: what is left arrives without waiting, up to the end of the stream.
                        if (drainToEnd(in)) {
                            break;
                        }
                    } else {
                        Thread.sleep(sleep);
                        sleep = Math.min(IDLE_SLEEP_LIMIT_MS, sleep * 2);
                    }
                }
                synchronized (reading) {
                    if (partial.size() > 0) {
                        add(partial.toString(StandardCharsets.UTF_8));
                        partial.reset();
                    }
                }
            } catch (IOException closed) {
                // The process ended.
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }, "log-" + prefix.trim());
        reader.setDaemon(true);
        reader.start();
    }

    /** Reads what is available now into lines; the bytes read, or -1 at the end of the stream. */
    private int drain(InputStream in) throws IOException {
        synchronized (reading) {
            int available = in.available();
            if (available == 0) {
                return 0;
            }
            int n = in.read(buffer, 0, Math.min(available, buffer.length));
            split(n);
            return n;
        }
    }

    /** Reads to the end of the stream of a process that has ended; true at the end. */
    private boolean drainToEnd(InputStream in) throws IOException {
        synchronized (reading) {
            int n = in.read(buffer);
            split(n);
            return n < 0;
        }
    }

    private void split(int n) {
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                add(partial.toString(StandardCharsets.UTF_8).replace("\r", ""));
                partial.reset();
            } else {
                partial.write(buffer[i]);
            }
        }
    }

    /**
     * Reads what the process has already written: the runtime posts an answer after the function's output, and the
     * answer must not overtake its log lines. Returns at once when nothing is pending; never sleeps.
     */
    void settle() {
        InputStream in = followed;
        if (in == null) {
            return;
        }
        try {
            while (drain(in) > 0) {
                // More may have come while the last bytes were split into lines.
            }
        } catch (IOException closed) {
            // Nothing more to read.
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

    /** The last lines, once what is pending has been read: for an answer, which follows the function's output. */
    String textNow() {
        settle();
        synchronized (this) {
            return String.join("\n", lines);
        }
    }

    /**
     * The last lines after a failure: the runtime may report it a moment before the lines explaining it have all
     * come through, so this reads until the output has been quiet for 20 ms (200 ms at most).
     */
    String text() {
        InputStream in = followed;
        long deadline = System.nanoTime() + 200_000_000L;
        long quietSince = System.nanoTime();
        try {
            while (in != null && System.nanoTime() < deadline && System.nanoTime() - quietSince < 20_000_000L) {
                if (drain(in) > 0) {
                    quietSince = System.nanoTime();
                } else {
                    Thread.sleep(2);
                }
            }
        } catch (IOException closed) {
            // Nothing more to read.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            return String.join("\n", lines);
        }
    }
}
