package com.example.privateapi.rehearsal.local;

import java.io.PrintStream;

/** Numbered progress lines with the time each step took, so a slow step is visible; each fits a terminal line. */
public final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private int step;
    private long stepStarted;

    public Progress(PrintStream out) {
        this.out = out;
    }

    public void step(String what) {
        stepStarted = System.nanoTime();
        print("[" + ++step + "] " + what);
    }

    public void done(String what) {
        print(String.format("    %s (%.1f s)", what, (System.nanoTime() - stepStarted) / 1e9));
    }

    public void note(String what) {
        print("    " + what);
    }

    /** A verdict or other line of its own, fitted like the rest. */
    public void line(String what) {
        print(what);
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    private void print(String line) {
        out.println(TerminalLine.fit(line));
        out.flush();
    }
}
