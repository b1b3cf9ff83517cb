package com.example.privateapi.iam;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** IAM wildcards ({@code *}, {@code ?}) and policy variables ({@code ${aws:username}}, {@code ${*}}, defaults). */
final class Patterns {

    /** Stand-ins for the literal characters {@code ${*}}, {@code ${?}} and {@code ${$}} produce. */
    private static final char LITERAL_STAR = '\uE000';
    private static final char LITERAL_QUESTION = '\uE001';
    private static final char LITERAL_DOLLAR = '\uE002';
    private static final Pattern VARIABLE =
            Pattern.compile("\\$\\{([^},']+?)\\s*(?:,\\s*'([^']*)')?\\s*}");

    private Patterns() {
    }

    /** Thrown when a policy variable has no value and no default: the element then matches nothing. */
    static final class MissingVariable extends Exception {
        MissingVariable(String name) {
            super(name);
        }
    }

    /** Substitutes policy variables from the request context. */
    static String substitute(String pattern, Map<String, List<String>> context) throws MissingVariable {
        if (!pattern.contains("${")) {
            return pattern;
        }
        Matcher m = VARIABLE.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String value = switch (name) {
                case "*" -> String.valueOf(LITERAL_STAR);
                case "?" -> String.valueOf(LITERAL_QUESTION);
                case "$" -> String.valueOf(LITERAL_DOLLAR);
                default -> {
                    List<String> values = context.get(name.toLowerCase(Locale.ROOT));
                    if (values != null && !values.isEmpty()) {
                        yield values.get(0);
                    }
                    if (m.group(2) != null) {
                        yield m.group(2);
                    }
                    throw new MissingVariable(name);
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A Resource pattern with its policy variables replaced, and whether a variable sat where none is replaced. */
    record Resource(String pattern, boolean variableOutsideResourcePart) {
    }

    /**
     * Replaces policy variables in the resource part of an ARN only, the part after its fifth colon (IAM policy
     * elements: Variables and tags, "Resource element"); a variable elsewhere stays literal text. A pattern with no
     * resource part (no fifth colon, e.g. {@code *}) has nothing replaced.
     */
    static Resource resourcePattern(String pattern, Map<String, List<String>> context, boolean variables)
            throws MissingVariable {
        if (!variables || !pattern.contains("${")) {
            return new Resource(pattern, false);
        }
        int colon = -1;
        for (int i = 0; i < 5; i++) {
            colon = pattern.indexOf(':', colon + 1);
            if (colon < 0) {
                return new Resource(pattern, true);
            }
        }
        String head = pattern.substring(0, colon + 1);
        return new Resource(head + substitute(pattern.substring(colon + 1), context), head.contains("${"));
    }

    /** Glob match: {@code *} any run, {@code ?} one character; the literal stand-ins match themselves. */
    static boolean glob(String pattern, String value, boolean ignoreCase) {
        String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
        String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
        int pi = 0;
        int vi = 0;
        int star = -1;
        int mark = 0;
        while (vi < v.length()) {
            if (pi < p.length() && (p.charAt(pi) == '?' || literal(p.charAt(pi)) == v.charAt(vi))) {
                pi++;
                vi++;
            } else if (pi < p.length() && p.charAt(pi) == '*') {
                star = pi++;
                mark = vi;
            } else if (star >= 0) {
                pi = star + 1;
                vi = ++mark;
            } else {
                return false;
            }
        }
        while (pi < p.length() && p.charAt(pi) == '*') {
            pi++;
        }
        return pi == p.length();
    }

    /** A pattern's text with the literal stand-ins turned back, for exact comparisons and messages. */
    static String literalText(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length());
        for (char c : pattern.toCharArray()) {
            out.append(literal(c));
        }
        return out.toString();
    }

    private static char literal(char c) {
        return switch (c) {
            case LITERAL_STAR -> '*';
            case LITERAL_QUESTION -> '?';
            case LITERAL_DOLLAR -> '$';
            default -> c;
        };
    }
}
