package com.example.privateapi.rehearsal.local;

/**
 * Fits a line into a terminal's width by shortening its longest words (ARNs, generated names) in the middle, where
 * they differ least: {@code arn:aws:iam::111111111111:role/...ClientStack-L3Z6QH48HMR5-DirectA-ZQ6V2WNEHT3V}. Prose is left
 * alone; the full values are in the stacks' outputs, the {@code --serve} environment and {@code --verbose}.
 */
public final class TerminalLine {

    /** What a terminal shows whole, with a margin. */
    public static final int WIDTH = 120;
    private static final String ELISION = "...";
    /** A word is never cut below this, so that what remains still says what it is. */
    private static final int SHORTEST = 24;

    private TerminalLine() {
    }

    /** How much of a word's start to keep: an ARN keeps its service, account and resource type whole. */
    private static int head(String word, int keep) {
        int slash = word.indexOf('/');
        if (word.startsWith("arn:") && slash > 0 && keep - (slash + 1) >= 16) {
            return slash + 1;
        }
        return keep * 2 / 5;
    }

    public static String fit(String line) {
        return fit(line, WIDTH);
    }

    public static String fit(String line, int width) {
        String fitted = line;
        while (fitted.length() > width) {
            String[] words = fitted.split(" ", -1);
            int longest = -1;
            for (int i = 0; i < words.length; i++) {
                if (words[i].length() > SHORTEST && (longest < 0 || words[i].length() > words[longest].length())) {
                    longest = i;
                }
            }
            if (longest < 0) {
                return fitted;
            }
            String word = words[longest];
            int keep = Math.max(SHORTEST, word.length() - (fitted.length() - width)) - ELISION.length();
            int head = head(word, keep);
            words[longest] = word.substring(0, head) + ELISION + word.substring(word.length() - (keep - head));
            fitted = String.join(" ", words);
            if (words[longest].length() <= SHORTEST) {
                // The word is as short as it gets; try the next longest, if any is left long enough.
                boolean more = false;
                for (String w : words) {
                    more |= w.length() > SHORTEST;
                }
                if (!more) {
                    return fitted;
                }
            }
        }
        return fitted;
    }
}
