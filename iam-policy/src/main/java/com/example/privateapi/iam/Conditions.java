package com.example.privateapi.iam;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Evaluates one condition entry as IAM does: every operator family, {@code ...IfExists}, {@code ForAnyValue:}
 * and {@code ForAllValues:}, negated operators' behaviour on missing keys, and policy variables in values.
 */
final class Conditions {

    private static final Pattern EPOCH = Pattern.compile("-?\\d+");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final Pattern CIDR_LITERAL =
            Pattern.compile("[0-9A-Fa-f:.]+(/\\d{1,3})?");

    /** The outcome of one condition entry and the words that explain it. */
    record Result(boolean matched, String why) {
    }

    private static final Set<String> BASE = Set.of(
            "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase", "StringLike",
            "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
            "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress",
            "NotIpAddress", "ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");
    private static final Set<String> NEGATED = Set.of("StringNotEquals", "StringNotEqualsIgnoreCase", "StringNotLike",
            "NumericNotEquals", "DateNotEquals", "NotIpAddress", "ArnNotEquals", "ArnNotLike");

    private Conditions() {
    }

    static boolean isKnownOperator(String operator) {
        return BASE.contains(base(operator)) && !(base(operator).equals("Null") && operator.endsWith("IfExists"));
    }

    /**
     * @param variables whether policy variables in values are replaced (only in policies of Version 2012-10-17)
     */
    static Result evaluate(Statement.Condition condition, Map<String, List<String>> context, boolean variables) {
        String operator = condition.operator();
        String base = base(operator);
        List<String> actual = context.get(condition.key().toLowerCase(Locale.ROOT));
        boolean present = actual != null && !actual.isEmpty();
        String shown = condition + (present ? " against the request's " + actual : " (the request has no "
                + condition.key() + ")");

        if (base.equals("Null")) {
            boolean wantAbsent = condition.values().stream().anyMatch(v -> v.equalsIgnoreCase("true"));
            return new Result(wantAbsent != present, shown);
        }
        List<String> expected = new ArrayList<>();
        for (String value : condition.values()) {
            try {
                expected.add(variables && (base.startsWith("String") || base.startsWith("Arn"))
                        ? Patterns.substitute(value, context) : value);
            } catch (Patterns.MissingVariable e) {
                // A value whose variable has no value matches nothing.
            }
        }
        boolean negated = NEGATED.contains(base);
        if (operator.startsWith("ForAllValues:")) {
            if (!present) {
                return new Result(true, shown + ": ForAllValues holds for an absent key");
            }
            boolean all = actual.stream().allMatch(a -> single(base, negated, a, expected));
            return new Result(all, shown);
        }
        if (operator.startsWith("ForAnyValue:")) {
            if (!present) {
                return new Result(false, shown + ": ForAnyValue fails for an absent key");
            }
            boolean any = actual.stream().anyMatch(a -> single(base, negated, a, expected));
            return new Result(any, shown);
        }
        if (!present) {
            if (operator.endsWith("IfExists")) {
                return new Result(true, shown + ": IfExists holds for an absent key");
            }
            return new Result(negated, shown);
        }
        if (negated) {
            // Negated operators hold when no value of the request matches any value of the policy.
            boolean none = actual.stream().noneMatch(a -> positive(base, a, expected));
            return new Result(none, shown);
        }
        return new Result(actual.stream().anyMatch(a -> positive(base, a, expected)), shown);
    }

    /** One request value against the policy values, honouring negation. */
    private static boolean single(String base, boolean negated, String actual, List<String> expected) {
        return negated ? !positive(base, actual, expected) : positive(base, actual, expected);
    }

    /** Whether the value matches any policy value under the positive form of the operator. */
    private static boolean positive(String base, String actual, List<String> expected) {
        for (String e : expected) {
            if (matches(base, actual, e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String base, String actual, String expected) {
        String op = base.replace("Not", "");
        try {
            switch (op) {
                case "StringEquals":
                    return actual.equals(Patterns.literalText(expected));
                case "StringEqualsIgnoreCase":
                    return actual.equalsIgnoreCase(Patterns.literalText(expected));
                case "StringLike":
                    return Patterns.glob(expected, actual, false);
                case "Bool":
                    return actual.equalsIgnoreCase(expected);
                case "BinaryEquals":
                    return java.util.Arrays.equals(Base64.getDecoder().decode(actual),
                            Base64.getDecoder().decode(expected));
                case "IpAddress":
                    return inCidr(actual, expected);
                case "ArnEquals":
                case "ArnLike":
                    return arnMatches(expected, actual);
                default:
                    break;
            }
            if (op.startsWith("Numeric")) {
                int cmp = new BigDecimal(actual.trim()).compareTo(new BigDecimal(expected.trim()));
                return compare(op.substring("Numeric".length()), cmp);
            }
            if (op.startsWith("Date")) {
                int cmp = date(actual).compareTo(date(expected));
                return compare(op.substring("Date".length()), cmp);
            }
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            return false;
        }
        throw new IllegalStateException("unhandled condition operator " + base);
    }

    private static boolean compare(String relation, int cmp) {
        return switch (relation) {
            case "Equals", "sEquals" -> cmp == 0;
            case "LessThan" -> cmp < 0;
            case "LessThanEquals" -> cmp <= 0;
            case "GreaterThan" -> cmp > 0;
            case "GreaterThanEquals" -> cmp >= 0;
            default -> throw new IllegalStateException("unknown relation " + relation);
        };
    }

    private static Instant date(String value) {
        String v = value.trim();
        if (EPOCH.matcher(v).matches()) {
            return Instant.ofEpochSecond(Long.parseLong(v));
        }
        if (DAY.matcher(v).matches()) {
            return Instant.parse(v + "T00:00:00Z");
        }
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException e) {
            return OffsetDateTime.parse(v).toInstant();
        }
    }

    /** ARNs compare component by component; each may use wildcards (ArnEquals and ArnLike behave alike). */
    private static boolean arnMatches(String pattern, String arn) {
        String[] p = pattern.split(":", 6);
        String[] a = arn.split(":", 6);
        if (p.length != 6 || a.length != 6) {
            return Patterns.glob(pattern, arn, false);
        }
        for (int i = 0; i < 6; i++) {
            if (!Patterns.glob(p[i], a[i], false)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String ip, String cidr) {
        // Literals only: InetAddress would otherwise look names up in DNS.
        if (!IP_LITERAL.matcher(ip.trim()).matches() || !CIDR_LITERAL.matcher(cidr.trim()).matches()) {
            return false;
        }
        try {
            String[] parts = cidr.trim().split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip.trim()).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int bits = parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((network[i] & mask) != (address[i] & mask)) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static String base(String operator) {
        String op = operator;
        int colon = op.indexOf(':');
        if (colon >= 0) {
            String set = op.substring(0, colon);
            if (!set.equals("ForAnyValue") && !set.equals("ForAllValues")) {
                return "";
            }
            op = op.substring(colon + 1);
        }
        return op.endsWith("IfExists") ? op.substring(0, op.length() - "IfExists".length()) : op;
    }
}
