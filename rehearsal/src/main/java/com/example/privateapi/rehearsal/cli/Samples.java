package com.example.privateapi.rehearsal.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations in milliseconds, reported as medians: one slow run on a shared machine does not move them. */
final class Samples {

    private final List<Long> values = new ArrayList<>();

    void add(long millis) {
        values.add(millis);
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    long median() {
        if (values.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** "123 ms (98)": the median and the fastest run, which on a shared machine is the least disturbed one. */
    String medianAndMin() {
        return values.isEmpty() ? "-" : median() + " ms (" + Collections.min(values) + ")";
    }

    /** "123" or "-" when nothing was measured. */
    String medianText() {
        return values.isEmpty() ? "-" : Long.toString(median());
    }
}
