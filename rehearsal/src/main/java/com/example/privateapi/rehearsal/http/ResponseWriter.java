package com.example.privateapi.rehearsal.http;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes answers on one connection: the head and the body in one flush (one segment with TCP_NODELAY). Header
 * fields a handler supplies that could break the framing (CR, LF, NUL, or a name that is no token) are dropped or
 * mended, so a function's answer cannot split the response.
 */
final class ResponseWriter {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "connection", "date");
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private static volatile long dateSecond;
    private static volatile String date = "";

    private final OutputStream out;

    ResponseWriter(OutputStream socketOut) {
        this.out = new BufferedOutputStream(socketOut, 16_384);
    }

    void sendContinue() throws IOException {
        out.write(CONTINUE);
        out.flush();
    }

    void write(HttpResponse response, boolean headRequest, boolean close) throws IOException {
        StringBuilder head = new StringBuilder(256);
        head.append("HTTP/1.1 ").append(response.status()).append(' ').append(reason(response.status()))
                .append("\r\n");
        for (Map.Entry<String, List<String>> field : response.headers().entrySet()) {
            String name = field.getKey();
            if (!Grammar.isTokenString(name) || FRAMING.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (String value : field.getValue()) {
                head.append(name).append(": ");
                appendValue(head, value);
                head.append("\r\n");
            }
        }
        head.append("Date: ").append(now()).append("\r\n");
        byte[] body = response.body();
        if (response.status() >= 200 && response.status() != 204 && response.status() != 304) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        if (close) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!headRequest && body.length > 0 && response.status() >= 200 && response.status() != 204
                && response.status() != 304) {
            out.write(body);
        }
        out.flush();
    }

    private static void appendValue(StringBuilder head, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            head.append((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff ? ' ' : c);
        }
    }

    private static String now() {
        long second = System.currentTimeMillis() / 1000;
        if (second != dateSecond) {
            date = HTTP_DATE.format(Instant.ofEpochSecond(second));
            dateSecond = second;
        }
        return date;
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 417 -> "Expectation Failed";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "Status";
        };
    }
}
