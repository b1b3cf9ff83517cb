package com.example.privateapi.rehearsal.hostile;

import java.util.regex.Pattern;

/** What an error body must never carry: a Java class name, an exception's name or a stack frame. */
final class BodyLeaks {

    private static final Pattern LEAK = Pattern.compile(
            "\\b(?:java|javax|jdk|sun|com\\.sun|com\\.google|software\\.amazon|com\\.example|org\\.yaml)\\.[\\w.$]+"
                    + "|\\w*Exception\\b|\\w*Throwable\\b|\\bthrown\\b|StackOverflowError|OutOfMemoryError"
                    + "|\\bat [\\w.$]+\\([\\w.]*(?::\\d+)?\\)");

    private BodyLeaks() {
    }

    /** The first leak found in the body, or null. */
    static String find(String body) {
        var m = LEAK.matcher(body);
        return m.find() ? m.group() : null;
    }
}
