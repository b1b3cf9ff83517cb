package com.example.privateapi.rehearsal.cli;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ctrl-C (SIGINT) and SIGTERM as a request to stop, while installed: by default the JVM exits at once with status
 * 130 or 143 and leaves no room to close the services in order, remove the environment file and say so. The JDK
 * offers no supported API for this; {@code sun.misc.Signal} is the one it keeps exported for it (jdk.unsupported).
 */
final class StopSignals implements AutoCloseable {

    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();

    /** @param onSignal called with the signal's name ({@code SIGINT}, {@code SIGTERM}) on a signal thread */
    StopSignals(Consumer<String> onSignal) {
        for (String name : new String[] {"INT", "TERM"}) {
            Signal signal = new Signal(name);
            previous.put(signal, Signal.handle(signal, s -> onSignal.accept("SIG" + s.getName())));
        }
    }

    /** Restores the JVM's own handling. */
    @Override
    public void close() {
        previous.forEach(Signal::handle);
    }
}
