package com.example.privateapi.rehearsal.http;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads HTTP/1.1 requests from one connection (RFC 9112), refusing what the grammar or the listener's limits do not
 * allow with the {@link ProtocolError} to answer. Reads with deadlines, not just per-read timeouts, so a client that
 * trickles bytes cannot hold the connection past them.
 */
final class RequestReader {

    /** The request cannot be served: the listener answers this error and closes the connection. */
    static final class Rejected extends Exception {
        private final ProtocolError error;

        Rejected(ProtocolError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        ProtocolError error() {
            return error;
        }
    }

    /** A request, whether to keep the connection, and whether the answer is to a HEAD. */
    record Parsed(HttpRequest request, boolean keepAlive, boolean head) {
    }

    /** Sends {@code 100 Continue} when a client waits for it before its body. */
    @FunctionalInterface
    interface Continuation {
        void sendContinue() throws IOException;
    }

    private static final int MAX_EMPTY_LINES = 8;
    private static final int MAX_CHUNK_LINE = 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final Socket socket;
    private final InputStream in;
    private final HttpLimits limits;
    private byte[] buf;
    private int pos;
    private int lim;

    RequestReader(Socket socket, HttpLimits limits) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.limits = limits;
        this.buf = new byte[Math.min(16_384, limits.maxHeadBytes() + 2)];
    }

    /** Waits for the first byte of the next request; false when the peer closed or stayed idle that long. */
    boolean awaitRequest(Duration idle) throws IOException {
        if (pos < lim) {
            return true;
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, idle.toMillis())));
        try {
            int n = in.read(buf, lim, buf.length - lim);
            if (n > 0) {
                lim += n;
            }
            return n > 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    Parsed read(String peer, Continuation continuation) throws Rejected, IOException {
        long headDeadline = System.nanoTime() + limits.headTimeout().toNanos();
        String line = readLine(limits.maxRequestLineBytes(), ProtocolError.URI_TOO_LONG, headDeadline);
        for (int empty = 0; line.isEmpty(); empty++) {
            // "a server that is expecting to receive and parse a request-line SHOULD ignore at least one empty line"
            if (empty == MAX_EMPTY_LINES) {
                throw new Rejected(ProtocolError.MALFORMED_REQUEST);
            }
            line = readLine(limits.maxRequestLineBytes(), ProtocolError.URI_TOO_LONG, headDeadline);
        }
        RequestLine requestLine = RequestLine.parse(line);
        int headBytes = line.length() + 2;
        TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        int count = 0;
        while (true) {
            String field = readLine(Math.max(0, limits.maxHeadBytes() - headBytes), ProtocolError.HEADERS_TOO_LARGE,
                    headDeadline);
            if (field.isEmpty()) {
                break;
            }
            headBytes += field.length() + 2;
            if (headBytes > limits.maxHeadBytes() || ++count > limits.maxHeaderCount()) {
                throw new Rejected(ProtocolError.HEADERS_TOO_LARGE);
            }
            addField(field, headers);
        }
        checkHost(requestLine, headers);
        BodyFraming framing = framing(requestLine, headers);
        String expect = single(headers, "expect");
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                throw new Rejected(ProtocolError.EXPECTATION_FAILED);
            }
            if (framing.chunked() || framing.length() > 0) {
                continuation.sendContinue();
            }
        }
        long bodyDeadline = System.nanoTime() + limits.bodyTimeout().toNanos();
        byte[] body = framing.chunked() ? readChunked(bodyDeadline) : readExactly((int) framing.length(), bodyDeadline);
        HttpRequest request = new HttpRequest(requestLine.method(), requestLine.path(), requestLine.query(),
                HeaderMaps.freeze(headers), body, peer);
        return new Parsed(request, keepAlive(requestLine, headers), requestLine.method().equals("HEAD"));
    }

    private static void addField(String field, Map<String, List<String>> headers) throws Rejected {
        char first = field.charAt(0);
        if (first == ' ' || first == '\t') {
            // Obsolete line folding: "A server that receives an obs-fold ... MUST either reject the message by
            // sending a 400 (Bad Request)..." (RFC 9112, 5.2).
            throw new Rejected(ProtocolError.MALFORMED_REQUEST);
        }
        int colon = field.indexOf(':');
        if (colon <= 0 || !Grammar.isToken(field, 0, colon)) {
            // Includes whitespace between the name and the colon, which RFC 9112 5.1 says to answer with 400.
            throw new Rejected(ProtocolError.MALFORMED_REQUEST);
        }
        int start = colon + 1;
        int end = field.length();
        while (start < end && (field.charAt(start) == ' ' || field.charAt(start) == '\t')) {
            start++;
        }
        while (end > start && (field.charAt(end - 1) == ' ' || field.charAt(end - 1) == '\t')) {
            end--;
        }
        for (int i = start; i < end; i++) {
            char c = field.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f) {
                throw new Rejected(ProtocolError.MALFORMED_REQUEST);
            }
        }
        headers.computeIfAbsent(field.substring(0, colon), k -> new ArrayList<>(1)).add(field.substring(start, end));
    }

    /** RFC 9112 3.2: exactly one valid Host in HTTP/1.1; the absolute form's authority replaces it. */
    private static void checkHost(RequestLine line, TreeMap<String, List<String>> headers) throws Rejected {
        List<String> hosts = headers.get("host");
        if (hosts != null && (hosts.size() > 1 || !Grammar.isHost(hosts.get(0)))) {
            throw new Rejected(ProtocolError.MISSING_HOST);
        }
        if (line.authority() != null) {
            headers.put("Host", new ArrayList<>(List.of(line.authority())));
        } else if (hosts == null && !line.http10()) {
            throw new Rejected(ProtocolError.MISSING_HOST);
        }
    }

    private record BodyFraming(boolean chunked, long length) {
    }

    /** RFC 9112 6.3: chunked, or Content-Length, or no body; anything ambiguous is refused. */
    private BodyFraming framing(RequestLine line, Map<String, List<String>> headers) throws Rejected {
        List<String> transfer = headers.get("transfer-encoding");
        List<String> length = headers.get("content-length");
        if (transfer != null) {
            if (line.http10() || length != null) {
                // Both framings at once is how requests are smuggled: refuse rather than pick one.
                throw new Rejected(ProtocolError.MALFORMED_REQUEST);
            }
            List<String> codings = new ArrayList<>();
            for (String value : transfer) {
                for (String coding : value.split(",", -1)) {
                    codings.add(coding.trim().toLowerCase(Locale.ROOT));
                }
            }
            if (codings.isEmpty() || !codings.get(codings.size() - 1).equals("chunked")) {
                throw new Rejected(codings.stream().allMatch(Grammar::isTokenString)
                        ? ProtocolError.TRANSFER_ENCODING_NOT_IMPLEMENTED : ProtocolError.MALFORMED_REQUEST);
            }
            if (codings.size() > 1) {
                throw new Rejected(ProtocolError.TRANSFER_ENCODING_NOT_IMPLEMENTED);
            }
            return new BodyFraming(true, -1);
        }
        if (length == null) {
            return new BodyFraming(false, 0);
        }
        String declared = null;
        for (String value : length) {
            for (String part : value.split(",", -1)) {
                String digits = part.trim();
                if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                        || (declared != null && !declared.equals(digits))) {
                    throw new Rejected(ProtocolError.MALFORMED_REQUEST);
                }
                declared = digits;
            }
        }
        long bytes = Long.parseLong(declared);
        if (bytes > limits.maxBodyBytes()) {
            throw new Rejected(ProtocolError.BODY_TOO_LARGE);
        }
        return new BodyFraming(false, bytes);
    }

    private static boolean keepAlive(RequestLine line, Map<String, List<String>> headers) {
        List<String> connection = headers.get("connection");
        boolean close = false;
        boolean keep = false;
        if (connection != null) {
            for (String value : connection) {
                for (String option : value.split(",")) {
                    String o = option.trim();
                    close |= o.equalsIgnoreCase("close");
                    keep |= o.equalsIgnoreCase("keep-alive");
                }
            }
        }
        return line.http10() ? keep && !close : !close;
    }

    private static String single(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : String.join(",", values);
    }

    private byte[] readExactly(int length, long deadline) throws IOException, Rejected {
        if (length == 0) {
            return NO_BODY;
        }
        byte[] body = new byte[length];
        int copied = Math.min(lim - pos, length);
        System.arraycopy(buf, pos, body, 0, copied);
        pos += copied;
        while (copied < length) {
            setTimeout(deadline);
            int n;
            try {
                n = in.read(body, copied, length - copied);
            } catch (SocketTimeoutException e) {
                throw new Rejected(ProtocolError.TIMEOUT);
            }
            if (n < 0) {
                throw new EOFException("the peer closed the connection in the middle of the body");
            }
            copied += n;
        }
        return body;
    }

    private byte[] readChunked(long deadline) throws IOException, Rejected {
        byte[] body = new byte[0];
        int size = 0;
        while (true) {
            String line = readLine(MAX_CHUNK_LINE, ProtocolError.MALFORMED_REQUEST, deadline);
            int semicolon = line.indexOf(';');
            String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
            if (hex.isEmpty() || hex.length() > 15 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new Rejected(ProtocolError.MALFORMED_REQUEST);
            }
            long chunk = Long.parseLong(hex, 16);
            if (chunk == 0) {
                break;
            }
            if (size + chunk > limits.maxBodyBytes()) {
                throw new Rejected(ProtocolError.BODY_TOO_LARGE);
            }
            if (body.length < size + chunk) {
                body = Arrays.copyOf(body, (int) Math.min(limits.maxBodyBytes(),
                        Math.max(size + chunk, (long) body.length * 2)));
            }
            byte[] data = readExactly((int) chunk, deadline);
            System.arraycopy(data, 0, body, size, data.length);
            size += data.length;
            if (!readLine(0, ProtocolError.MALFORMED_REQUEST, deadline).isEmpty()) {
                throw new Rejected(ProtocolError.MALFORMED_REQUEST);
            }
        }
        int trailerBytes = 0;
        int trailers = 0;
        for (String trailer = readLine(limits.maxHeadBytes(), ProtocolError.HEADERS_TOO_LARGE, deadline);
             !trailer.isEmpty();
             trailer = readLine(limits.maxHeadBytes() - trailerBytes, ProtocolError.HEADERS_TOO_LARGE, deadline)) {
            trailerBytes += trailer.length() + 2;
            if (trailerBytes > limits.maxHeadBytes() || ++trailers > limits.maxHeaderCount()) {
                throw new Rejected(ProtocolError.HEADERS_TOO_LARGE);
            }
            // Trailer fields are read and dropped: nothing here may depend on them.
            addField(trailer, new TreeMap<>(String.CASE_INSENSITIVE_ORDER));
        }
        return size == body.length ? body : Arrays.copyOf(body, size);
    }

    /**
     * One line without its terminator. A bare LF ends a line too ("a recipient MAY recognize a single LF as a line
     * terminator", RFC 9112 2.2); a CR anywhere else is refused.
     *
     * @param max      the longest line allowed, in bytes without the terminator
     * @param tooLong  the answer for a longer line
     */
    private String readLine(int max, ProtocolError tooLong, long deadline) throws IOException, Rejected {
        int scanned = pos;
        while (true) {
            for (int i = scanned; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    if (end - pos > max) {
                        throw new Rejected(tooLong);
                    }
                    for (int j = pos; j < end; j++) {
                        if (buf[j] == '\r') {
                            throw new Rejected(ProtocolError.MALFORMED_REQUEST);
                        }
                    }
                    String line = new String(buf, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return line;
                }
            }
            if (lim - pos > max + 1) {
                throw new Rejected(tooLong);
            }
            scanned = lim;
            if (lim == buf.length) {
                int shift = pos;
                if (shift == 0) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                } else {
                    System.arraycopy(buf, pos, buf, 0, lim - pos);
                    lim -= shift;
                    pos = 0;
                    scanned -= shift;
                }
            }
            if (fill(deadline) < 0) {
                throw new EOFException("the peer closed the connection in the middle of a request");
            }
        }
    }

    /** Reads more into the buffer before the deadline; -1 at the end of the stream. */
    private int fill(long deadline) throws IOException, Rejected {
        setTimeout(deadline);
        int n;
        try {
            n = in.read(buf, lim, buf.length - lim);
        } catch (SocketTimeoutException e) {
            throw new Rejected(ProtocolError.TIMEOUT);
        }
        if (n > 0) {
            lim += n;
        }
        return n;
    }

    private void setTimeout(long deadline) throws IOException, Rejected {
        long remaining = (deadline - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw new Rejected(ProtocolError.TIMEOUT);
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, remaining));
    }
}
