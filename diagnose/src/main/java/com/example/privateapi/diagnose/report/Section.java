package com.example.privateapi.diagnose.report;

import java.util.List;

/**
 * A titled group of lines.
 *
 * @param title the heading
 * @param lines its lines, in order
 */
public record Section(String title, List<Line> lines) {
    public Section {
        lines = List.copyOf(lines);
    }
}
