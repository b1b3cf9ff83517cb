package com.example.privateapi.localddb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Reads a process's output to its end on a daemon thread, keeping the last few kilobytes: the pipe never fills (a
 * full pipe would stall the process) and a failure can still show what the process said.
 */
final class OutputTail {

    private static final int KEEP = 4096;
    private final StringBuilder tail = new StringBuilder();
    private final CountDownLatch ended = new CountDownLatch(1);

    OutputTail(InputStream in) {
        Thread reader = new Thread(() -> {
            byte[] buffer = new byte[1024];
            try (in) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException closed) {
                // The process ended.
            } finally {
                ended.countDown();
            }
        }, "dynalite-output");
        reader.setDaemon(true);
        reader.start();
    }

    private synchronized void append(String text) {
        tail.append(text);
        if (tail.length() > KEEP) {
            tail.delete(0, tail.length() - KEEP);
        }
    }

    synchronized String text() {
        return tail.toString();
    }

    void awaitEnd(Duration wait) {
        try {
            ended.await(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
