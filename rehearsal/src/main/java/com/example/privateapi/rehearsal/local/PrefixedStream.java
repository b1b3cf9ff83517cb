package com.example.privateapi.rehearsal.local;

import java.io.PrintStream;

/** Prints whole lines to another stream with a prefix, so interleaved output stays attributable. */
final class PrefixedStream extends PrintStream {

    private final PrintStream target;
    private final String prefix;

    PrefixedStream(PrintStream target, String prefix) {
        super(target, true);
        this.target = target;
        this.prefix = prefix;
    }

    @Override
    public void println(String line) {
        synchronized (target) {
            target.println(prefix + line);
        }
    }
}
