package com.example.privateapi.rehearsal.http;

import java.util.Locale;

/**
 * A request line (RFC 9112 3): method, request target in origin form (or the absolute form a server must also
 * accept, or {@code *} for OPTIONS) and version.
 *
 * @param authority the absolute form's authority, which stands for the Host header; null in origin form
 * @param http10    an HTTP/1.0 request (no Host required, no keep-alive unless asked)
 */
record RequestLine(String method, String path, String query, String authority, boolean http10) {

    static RequestLine parse(String line) throws RequestReader.Rejected {
        int first = line.indexOf(' ');
        int second = first < 0 ? -1 : line.indexOf(' ', first + 1);
        if (first <= 0 || second < 0 || second == first + 1 || line.indexOf(' ', second + 1) >= 0
                || second == line.length() - 1) {
            throw malformed();
        }
        String method = line.substring(0, first);
        String target = line.substring(first + 1, second);
        String version = line.substring(second + 1);
        if (!Grammar.isToken(method, 0, method.length())) {
            throw malformed();
        }
        boolean http10 = version(version);
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            // Visible ASCII only; a fragment never belongs in a request target.
            if (c <= 0x20 || c >= 0x7f || c == '#') {
                throw malformed();
            }
        }
        String authority = null;
        String pathAndQuery;
        if (target.startsWith("/")) {
            pathAndQuery = target;
        } else if (target.equals("*")) {
            if (!method.equals("OPTIONS")) {
                throw malformed();
            }
            return new RequestLine(method, "*", null, null, http10);
        } else {
            String lower = target.toLowerCase(Locale.ROOT);
            int schemeEnd = lower.startsWith("http://") ? 7 : lower.startsWith("https://") ? 8 : -1;
            if (schemeEnd < 0) {
                throw malformed();
            }
            int pathStart = schemeEnd;
            while (pathStart < target.length() && target.charAt(pathStart) != '/' && target.charAt(pathStart) != '?') {
                pathStart++;
            }
            authority = target.substring(schemeEnd, pathStart);
            if (authority.isEmpty() || authority.contains("@") || !Grammar.isHost(authority)) {
                throw malformed();
            }
            String rest = target.substring(pathStart);
            pathAndQuery = rest.startsWith("/") ? rest : "/" + rest;
        }
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? null : pathAndQuery.substring(question + 1);
        if (!Grammar.isPercentEncoded(path) || (query != null && !Grammar.isPercentEncoded(query))) {
            throw new RequestReader.Rejected(ProtocolError.MALFORMED_PERCENT_ENCODING);
        }
        return new RequestLine(method, path, query, authority, http10);
    }

    /** true for HTTP/1.0; HTTP/1.1 and later 1.x minor versions are served as HTTP/1.1 (RFC 9110 2.5). */
    private static boolean version(String version) throws RequestReader.Rejected {
        if (version.length() != 8 || !version.startsWith("HTTP/") || version.charAt(6) != '.'
                || !Character.isDigit(version.charAt(5)) || !Character.isDigit(version.charAt(7))) {
            throw malformed();
        }
        if (version.charAt(5) != '1') {
            throw new RequestReader.Rejected(ProtocolError.VERSION_NOT_SUPPORTED);
        }
        return version.charAt(7) == '0';
    }

    private static RequestReader.Rejected malformed() {
        return new RequestReader.Rejected(ProtocolError.MALFORMED_REQUEST);
    }
}
