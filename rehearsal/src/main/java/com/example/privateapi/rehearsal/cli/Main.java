package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.local.ColdStartCommand;
import com.example.privateapi.rehearsal.local.RunLocalCommand;

import java.nio.file.Path;

import java.util.Arrays;
import java.util.List;

/** Entry point of {@code run-local.sh}: {@code simulate FILE}, {@code bench-cold-start}, or the rehearsal itself. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The rehearsal's HTTP servers answer small requests: without TCP_NODELAY, Nagle's algorithm and the
        // peer's delayed acknowledgement would add up to 40 ms to exchanges AWS answers at once.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        List<String> list = Arrays.asList(args);
        int code;
        if (!list.isEmpty() && list.get(0).equals("simulate")) {
            code = new SimulateCommand().run(list.subList(1, list.size()), System.out, System.err);
        } else if (!list.isEmpty() && list.get(0).equals("bench-cold-start")) {
            code = new ColdStartCommand(Path.of("")).run(list.subList(1, list.size()), System.out, System.err);
        } else {
            code = new RunLocalCommand().run(list, System.out, System.err);
        }
        System.exit(code);
    }
}
