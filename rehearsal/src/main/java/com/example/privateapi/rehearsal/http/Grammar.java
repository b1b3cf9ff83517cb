package com.example.privateapi.rehearsal.http;

/** The small pieces of HTTP's and URI's grammar the reader checks (RFC 9110 5.6.2, RFC 3986 2.1 and 3.2.2). */
final class Grammar {

    private static final String TCHAR_SYMBOLS = "!#$%&'*+-.^_`|~";
    private static final String HOST_SYMBOLS = "-._~%!$&'()*+,;=:[]";

    private Grammar() {
    }

    static boolean isToken(String text, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || TCHAR_SYMBOLS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    static boolean isTokenString(String text) {
        return isToken(text, 0, text.length());
    }

    /** {@code uri-host [ ":" port ]}; empty is allowed (RFC 9112 3.2). */
    static boolean isHost(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || HOST_SYMBOLS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return isPercentEncoded(host);
    }

    /** Every {@code %} is followed by two hexadecimal digits. */
    static boolean isPercentEncoded(String text) {
        for (int i = text.indexOf('%'); i >= 0; i = text.indexOf('%', i + 1)) {
            if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
                    || Character.digit(text.charAt(i + 2), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
