package com.example.privateapi.diagnose.report;

import java.util.List;

/**
 * One line of the report, and what is printed under it.
 *
 * @param status  its outcome
 * @param text    what was checked and what was found
 * @param details the fix for a failure ({@code fix: ...}) or the reason of a decision ({@code why: ...})
 */
public record Line(Status status, String text, List<String> details) {
    public Line {
        details = List.copyOf(details);
    }

    public static Line pass(String text, String... details) {
        return new Line(Status.PASS, text, List.of(details));
    }

    public static Line fail(String text, String... details) {
        return new Line(Status.FAIL, text, List.of(details));
    }

    public static Line notChecked(String text, String... details) {
        return new Line(Status.NOT_CHECKED, text, List.of(details));
    }

    public static Line info(String text, String... details) {
        return new Line(Status.INFO, text, List.of(details));
    }
}
