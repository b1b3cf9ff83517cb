package com.example.privateapi.diagnose.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTest {

    private static String print(Report report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aReportWithoutFailuresExits0() {
        Report report = new Report(List.of("heading"), List.of(new Section("Checks", List.of(Line.pass("fine"),
                Line.info("note"))), new Section("Empty", List.of())));
        assertEquals(0, report.exitCode());
        assertEquals("heading\n\nChecks\n  ✔ fine\n  · note\n\nResult: all 1 checks passed.\n", print(report));
    }

    @Test
    void aFailureWithItsFixExits1() {
        Report report = new Report(List.of("heading"), List.of(new Section("Checks", List.of(Line.pass("fine"),
                Line.fail("broken", "fix: this"), Line.notChecked("skipped")))));
        assertEquals(1, report.exitCode());
        assertEquals("heading\n\nChecks\n  ✔ fine\n  ✗ broken\n      fix: this\n  – skipped\n\nResult: 1 of 2 checks "
                + "failed (✗). Apply the fixes from the top: a later check often fails because of an earlier one.\n",
                print(report));
    }
}
