package com.example.privateapi.rehearsal.cli;

import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One client connection of the load benchmark: GETs signed one by one with the AWS SDK's SigV4 signer, each sent
 * when the previous answer has been read, on a kept-alive connection (a new one when the server closes it). Records
 * each answer's status and latency, and the request id of every 200.
 */
final class LoadWorker implements Runnable {

    /** What one worker saw. */
    static final class Results {
        long[] latenciesNanos = new long[4096];
        int count;
        final Map<String, Integer> statuses = new TreeMap<>();
        final List<String> recordedIds = new ArrayList<>();

        void add(long nanos, String status, String requestId) {
            if (count == latenciesNanos.length) {
                latenciesNanos = Arrays.copyOf(latenciesNanos, count * 2);
            }
            latenciesNanos[count++] = nanos;
            statuses.merge(status, 1, Integer::sum);
            if (requestId != null) {
                recordedIds.add(requestId);
            }
        }
    }

    private final URI target;
    private final String path;
    private final String apiId;
    private final AwsCredentialsIdentity identity;
    private final String region;
    private final long deadlineNanos;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    final Results results = new Results();

    LoadWorker(URI target, String path, String apiId, AwsCredentialsIdentity identity, String region,
               long deadlineNanos) {
        this.target = target;
        this.path = path;
        this.apiId = apiId;
        this.identity = identity;
        this.region = region;
        this.deadlineNanos = deadlineNanos;
    }

    /** A kept-alive connection and its buffered input. */
    private record Connection(Socket socket, InputStream in, OutputStream out) {
    }

    @Override
    public void run() {
        Connection connection = null;
        try {
            while (System.nanoTime() < deadlineNanos) {
                byte[] request = signedGet();
                if (connection == null) {
                    connection = connect();
                }
                long start = System.nanoTime();
                String status;
                String requestId = null;
                boolean keep;
                try {
                    connection.out().write(request);
                    connection.out().flush();
                    Answer answer = read(connection.in());
                    status = Integer.toString(answer.status());
                    requestId = answer.status() == 200 ? answer.requestId() : null;
                    keep = answer.keepAlive();
                } catch (IOException e) {
                    status = "connection error (" + e.getClass().getSimpleName() + ")";
                    keep = false;
                }
                results.add(System.nanoTime() - start, status, requestId);
                if (!keep) {
                    close(connection);
                    connection = null;
                }
            }
        } finally {
            close(connection);
        }
    }

    private Connection connect() {
        while (true) {
            Socket socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5_000);
                socket.setSoTimeout(60_000);
                return new Connection(socket, new BufferedInputStream(socket.getInputStream(), 16_384),
                        socket.getOutputStream());
            } catch (IOException e) {
                close(new Connection(socket, null, null));
                results.add(0, "connect error (" + e.getClass().getSimpleName() + ")", null);
                if (System.nanoTime() >= deadlineNanos) {
                    throw new IllegalStateException("cannot connect to " + target + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private byte[] signedGet() {
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create("http://" + target.getHost() + ":" + target.getPort() + path))
                .putHeader("x-apigw-api-id", apiId)
                .putHeader("User-Agent", "rehearsal-bench-load").build();
        SdkHttpRequest signed = signer.sign(r -> r.identity(identity).request(unsigned)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)).request();
        StringBuilder head = new StringBuilder(1024).append("GET ").append(path).append(" HTTP/1.1\r\n");
        if (!signed.headers().containsKey("Host")) {
            head.append("Host: ").append(target.getHost()).append(':').append(target.getPort()).append("\r\n");
        }
        signed.forEachHeader((name, values) -> values.forEach(v -> head.append(name).append(": ").append(v)
                .append("\r\n")));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private record Answer(int status, String requestId, boolean keepAlive) {
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        long length = 0;
        String requestId = null;
        boolean keepAlive = true;
        for (String field = line(in); !field.isEmpty(); field = line(in)) {
            int colon = field.indexOf(':');
            String name = field.substring(0, colon).trim();
            String value = field.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("content-length")) {
                length = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("x-amzn-RequestId")) {
                requestId = value;
            } else if (name.equalsIgnoreCase("connection") && value.equalsIgnoreCase("close")) {
                keepAlive = false;
            }
        }
        in.skipNBytes(length);
        return new Answer(status, requestId, keepAlive);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection ended in the middle of an answer");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.socket().close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}
