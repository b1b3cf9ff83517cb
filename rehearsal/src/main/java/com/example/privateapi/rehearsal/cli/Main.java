package com.example.privateapi.rehearsal.cli;

import com.example.privateapi.rehearsal.local.ColdStartCommand;
import com.example.privateapi.rehearsal.local.LoadBenchCommand;
import com.example.privateapi.rehearsal.local.RunLocalCommand;

import java.nio.file.Path;

import java.util.Arrays;
import java.util.List;

/** Entry point of {@code run-local.sh}: {@code simulate FILE}, {@code bench-cold-start}, or the rehearsal itself. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> list = Arrays.asList(args);
        int code;
        if (!list.isEmpty() && list.get(0).equals("simulate")) {
            code = new SimulateCommand().run(list.subList(1, list.size()), System.out, System.err);
        } else if (!list.isEmpty() && list.get(0).equals("model")) {
            code = new ModelCommand().run(list.subList(1, list.size()), System.out, System.err);
        } else if (!list.isEmpty() && list.get(0).equals("bench-load")) {
            code = new LoadBenchCommand(Path.of("")).run(list.subList(1, list.size()), System.out, System.err);
        } else if (!list.isEmpty() && list.get(0).equals("bench-cold-start")) {
            code = new ColdStartCommand(Path.of("")).run(list.subList(1, list.size()), System.out, System.err);
        } else {
            code = new RunLocalCommand().run(list, System.out, System.err);
        }
        System.exit(code);
    }
}
