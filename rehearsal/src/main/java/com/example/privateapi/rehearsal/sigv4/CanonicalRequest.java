package com.example.privateapi.rehearsal.sigv4;

import com.example.privateapi.rehearsal.http.UrlEncoded;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The canonical request of SigV4, built from a request as it arrived. The path as sent (already percent-encoded
 * once by the client) is encoded again, which is the "each segment encoded twice" of every service but S3.
 */
final class CanonicalRequest {

    private CanonicalRequest() {
    }

    static String build(SignedRequest request, List<UrlEncoded.Pair> query, List<String> signedHeaders,
                        boolean normalizePath, boolean presigned, String payloadHash) {
        return request.method() + "\n"
                + canonicalPath(request.rawPath(), normalizePath) + "\n"
                + canonicalQuery(query, presigned) + "\n"
                + canonicalHeaders(request.headers(), signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + payloadHash;
    }

    static String canonicalPath(String rawPath, boolean normalize) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (normalize) {
            path = normalize(path);
        }
        return encode(path, false);
    }

    /** Removes dot segments (RFC 3986 5.2.4) and empty segments, keeping a trailing slash. */
    static String normalize(String path) {
        boolean trailingSlash = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        Deque<String> kept = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                kept.pollLast();
            } else {
                kept.addLast(segment);
            }
        }
        String joined = "/" + String.join("/", kept);
        return trailingSlash && !joined.endsWith("/") ? joined + "/" : joined;
    }

    static String canonicalQuery(List<UrlEncoded.Pair> query, boolean presigned) {
        List<String[]> encoded = new ArrayList<>();
        for (UrlEncoded.Pair p : query) {
            if (presigned && p.name().equals("X-Amz-Signature")) {
                continue;
            }
            encoded.add(new String[] {encode(p.name(), true), encode(p.value(), true)});
        }
        encoded.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : encoded) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    static String canonicalHeaders(Map<String, List<String>> headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = headers.getOrDefault(name, List.of());
            out.append(name).append(':');
            for (int i = 0; i < values.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                appendTrimmed(out, values.get(i));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The value without leading and trailing whitespace, each run of whitespace inside made one space. */
    private static void appendTrimmed(StringBuilder out, String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (isSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
    }

    /** What the regular expression {@code \\s} matches: ASCII whitespace. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** RFC 3986 percent-encoding of everything but unreserved characters (and '/', unless encodeSlash). */
    static String encode(String value, boolean encodeSlash) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
