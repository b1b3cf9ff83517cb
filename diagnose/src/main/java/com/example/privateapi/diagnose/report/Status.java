package com.example.privateapi.diagnose.report;

/** How a line of the report came out, and the mark it is printed with. */
public enum Status {
    PASS("✔"), FAIL("✗"), NOT_CHECKED("–"), INFO("·");

    private final String mark;

    Status(String mark) {
        this.mark = mark;
    }

    public String mark() {
        return mark;
    }
}
