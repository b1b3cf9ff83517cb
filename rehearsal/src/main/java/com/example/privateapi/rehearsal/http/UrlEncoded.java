package com.example.privateapi.rehearsal.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query strings and form bodies: {@code name=value} pairs joined by {@code &}, percent-encoded. */
public final class UrlEncoded {

    /** One pair, decoded. */
    public record Pair(String name, String value) {
    }

    private UrlEncoded() {
    }

    /**
     * @param plusIsSpace true for form bodies and query strings as browsers write them; false where '+' is a plus
     *                    sign, as in SigV4, whose signers encode spaces as {@code %20}
     * @throws IllegalArgumentException on a malformed percent escape
     */
    public static List<Pair> parse(String raw, boolean plusIsSpace) {
        List<Pair> pairs = new ArrayList<>();
        if (raw == null || raw.isEmpty()) {
            return pairs;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            pairs.add(new Pair(decode(eq < 0 ? pair : pair.substring(0, eq), plusIsSpace),
                    eq < 0 ? "" : decode(pair.substring(eq + 1), plusIsSpace)));
        }
        return pairs;
    }

    /** The pairs grouped by name, in order. */
    public static Map<String, List<String>> grouped(String raw, boolean plusIsSpace) {
        Map<String, List<String>> grouped = new LinkedHashMap<>();
        parse(raw, plusIsSpace).forEach(p -> grouped.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p.value()));
        return grouped;
    }

    /** Percent-decodes; '+' stays a plus sign unless {@code plusIsSpace}. */
    public static String decode(String text, boolean plusIsSpace) {
        return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
