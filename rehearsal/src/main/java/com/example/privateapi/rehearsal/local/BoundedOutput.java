package com.example.privateapi.rehearsal.local;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Hands items (log lines, answers to show) to a slow consumer, a terminal, on a thread of its own through a bounded
 * queue, so that the requests producing them never wait for it: under load, items that do not fit are counted and
 * the count is reported in their place. Memory stays bounded however long the rehearsal serves.
 */
final class BoundedOutput<T> implements Consumer<T>, AutoCloseable {

    private final Consumer<T> consumer;
    private final LongConsumer skippedReport;
    private final BlockingQueue<T> items;
    private final AtomicLong skipped = new AtomicLong();
    private final Thread writer;
    private volatile boolean open = true;

    /**
     * @param skippedReport told how many items were dropped since it was last told, before the next item is handed on
     */
    BoundedOutput(String name, int capacity, Consumer<T> consumer, LongConsumer skippedReport) {
        this.consumer = consumer;
        this.skippedReport = skippedReport;
        this.items = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(this::drain, name);
        writer.setDaemon(true);
        writer.start();
    }

    @Override
    public void accept(T item) {
        if (!items.offer(item)) {
            skipped.incrementAndGet();
        }
    }

    private void drain() {
        try {
            while (open || !items.isEmpty()) {
                T item = items.poll(100, TimeUnit.MILLISECONDS);
                long missed = skipped.getAndSet(0);
                if (missed > 0) {
                    skippedReport.accept(missed);
                }
                if (item != null) {
                    consumer.accept(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands on what is queued, then stops. */
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
