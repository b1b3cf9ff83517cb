package com.example.privateapi.diagnose.report;

import java.io.PrintStream;
import java.util.List;

/**
 * The whole report: a heading, the sections, and the verdict. It passes only when no line failed.
 *
 * @param heading  lines naming the two deployments
 * @param sections the sections, in order
 */
public record Report(List<String> heading, List<Section> sections) {
    public Report {
        heading = List.copyOf(heading);
        sections = List.copyOf(sections);
    }

    public long failures() {
        return lines().stream().filter(l -> l.status() == Status.FAIL).count();
    }

    public long passes() {
        return lines().stream().filter(l -> l.status() == Status.PASS).count();
    }

    public List<Line> lines() {
        return sections.stream().flatMap(s -> s.lines().stream()).toList();
    }

    /** 0 when every check passed, 1 otherwise. */
    public int exitCode() {
        return failures() == 0 ? 0 : 1;
    }

    public void print(PrintStream out) {
        heading.forEach(out::println);
        for (Section section : sections) {
            if (section.lines().isEmpty()) {
                continue;
            }
            out.println();
            out.println(section.title());
            for (Line line : section.lines()) {
                out.println("  " + line.status().mark() + " " + line.text());
                line.details().forEach(d -> out.println("      " + d));
            }
        }
        out.println();
        long failures = failures();
        if (failures == 0) {
            out.println("Result: all " + passes() + " checks passed.");
        } else {
            out.println("Result: " + failures + " of " + (failures + passes()) + " checks failed (✗). Apply the "
                    + "fixes from the top: a later check often fails because of an earlier one.");
        }
    }
}
