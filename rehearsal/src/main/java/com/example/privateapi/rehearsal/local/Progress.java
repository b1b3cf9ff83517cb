package com.example.privateapi.rehearsal.local;

import java.io.PrintStream;

/** Numbered progress lines with the time each step took, so a slow step is visible. */
final class Progress {

    private final PrintStream out;
    private final long started = System.nanoTime();
    private int step;
    private long stepStarted;

    Progress(PrintStream out) {
        this.out = out;
    }

    void step(String what) {
        stepStarted = System.nanoTime();
        out.printf("[%d] %s%n", ++step, what);
        out.flush();
    }

    void done(String what) {
        out.printf("    %s (%.1f s)%n", what, (System.nanoTime() - stepStarted) / 1e9);
        out.flush();
    }

    void note(String what) {
        out.println("    " + what);
        out.flush();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }
}
