package com.example.privateapi.rehearsal.local;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TerminalLineTest {

    static final String ROLE = "arn:aws:iam::111111111111:role/private-api-client-ClientStack-L3Z6QH48HMR5-DirectA-"
            + "ZQ6V2WNEHT3V";

    @Test
    void aLineThatFitsIsLeftAlone() {
        String line = "    direct client role " + ROLE;
        assertEquals(line, TerminalLine.fit(line));
    }

    @Test
    void anArnKeepsItsAccountAndTypeAndLosesTheMiddleOfItsName() {
        String fitted = TerminalLine.fit("    endpoint vpce-deabd29c2203a7f78, direct client role " + ROLE + " (0.0 s)");
        assertEquals(120, fitted.length(), fitted);
        assertTrue(fitted.contains(" arn:aws:iam::111111111111:role/..."), fitted);
        assertTrue(fitted.endsWith("-DirectA-ZQ6V2WNEHT3V (0.0 s)"), fitted);
        assertTrue(fitted.startsWith("    endpoint vpce-deabd29c2203a7f78, direct client role "), fitted);
    }

    @Test
    void severalLongWordsAreShortenedLongestFirstAndProseNever() {
        String prose = "a line of many short words that no amount of elision could shorten ".repeat(3);
        assertEquals(prose, TerminalLine.fit(prose));
        String two = "x".repeat(100) + " " + "y".repeat(80);
        String fitted = TerminalLine.fit(two);
        assertEquals(120, fitted.length(), fitted);
        assertTrue(fitted.startsWith("xx") && fitted.contains("...") && fitted.endsWith("yy"), fitted);
    }
}
