package com.example.privateapi.rehearsal.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.ArrayList;

/**
 * Sends bytes exactly as given over a plain socket and reads one HTTP answer: for requests no well-behaved client
 * would send. A reset, an end of stream or silence before an answer is an {@link IOException}.
 */
public final class RawHttp {

    /** An answer: status, header fields (case-insensitive names) and body. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private RawHttp() {
    }

    /**
     * Writes {@code parts} in order, waiting {@code pause} between them, then reads the answer within
     * {@code wait}. Writing may fail once the server has answered and stopped reading; the answer is read anyway.
     */
    public static Answer exchange(URI base, List<byte[]> parts, Duration pause, Duration wait, boolean head)
            throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) wait.toMillis());
            OutputStream out = socket.getOutputStream();
            try {
                for (int i = 0; i < parts.size(); i++) {
                    if (i > 0 && !pause.isZero()) {
                        Thread.sleep(pause.toMillis());
                    }
                    out.write(parts.get(i));
                    out.flush();
                }
            } catch (IOException serverStoppedReading) {
                // The answer may be waiting already: read it below.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
            try {
                return read(socket.getInputStream(), head);
            } catch (SocketTimeoutException e) {
                throw new IOException("no answer within " + wait.toMillis() + " ms", e);
            }
        }
    }

    public static Answer exchange(URI base, byte[] request) throws IOException {
        return exchange(base, List.of(request), Duration.ZERO, Duration.ofSeconds(15), false);
    }

    private static Answer read(InputStream in, boolean head) throws IOException {
        while (true) {
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP answer: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (String field = line(in); !field.isEmpty(); field = line(in)) {
                int colon = field.indexOf(':');
                headers.computeIfAbsent(field.substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(field.substring(colon + 1).trim());
            }
            if (status >= 100 && status < 200) {
                continue;
            }
            int length = headers.containsKey("content-length")
                    ? Integer.parseInt(headers.get("content-length").get(0)) : 0;
            byte[] body = head ? new byte[0] : in.readNBytes(length);
            if (!head && body.length < length) {
                throw new IOException("the body ended after " + body.length + " of " + length + " bytes");
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended before an answer" + (line.size() > 0 ? ": " + line : ""));
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** ISO-8859-1 bytes of {@code text}, so tests can write any byte as a char. */
    public static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code name: value} lines of a signed request, lower-cased names, for raw requests. */
    public static String fields(Map<String, List<String>> headers) {
        StringBuilder out = new StringBuilder();
        headers.forEach((name, values) -> values.forEach(v -> out.append(name.toLowerCase(Locale.ROOT))
                .append(": ").append(v).append("\r\n")));
        return out.toString();
    }
}
