package com.example.privateapi.rehearsal.local;

import java.io.PrintStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Writes log lines on its own thread from a bounded queue, so that a slow terminal never slows the requests that
 * log: under load, lines that do not fit are counted, and the count is written in their place. Memory stays bounded
 * however long the rehearsal serves.
 */
final class BoundedLog implements Consumer<String>, AutoCloseable {

    private final PrintStream out;
    private final BlockingQueue<String> lines;
    private final AtomicLong skipped = new AtomicLong();
    private final Thread writer;
    private volatile boolean open = true;

    BoundedLog(PrintStream out, int capacity) {
        this.out = out;
        this.lines = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, "access-log");
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(String line) {
        if (!lines.offer(line)) {
            skipped.incrementAndGet();
        }
    }

    private void drain() {
        try {
            while (open || !lines.isEmpty()) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                long missed = skipped.getAndSet(0);
                if (missed > 0) {
                    out.println("(" + missed + " log lines skipped: the output could not keep up)");
                }
                if (line != null) {
                    out.println(line);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        open = false;
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
