package com.example.privateapi.rehearsal.net;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The network path from a function in the consumer VPC to an interface VPC endpoint: an HTTPS proxy the function's
 * JVM is pointed at ({@code https.proxyHost}), which accepts {@code CONNECT host:443} for API Gateway's names,
 * terminates TLS with the rehearsal's certificate and hands the plain request to the gateway listener that stands
 * for the endpoint the name resolves to inside the VPC.
 */
public final class EndpointTunnel implements AutoCloseable {

    private static final int MAX_HEAD = 8192;

    private final SSLContext tls;
    private final Function<String, Optional<InetSocketAddress>> route;
    private final ServerSocket server;
    private volatile boolean open = true;

    /**
     * @param route where a host name leads inside the VPC: the gateway listener of an endpoint, or empty when the
     *              name does not resolve to one
     */
    public EndpointTunnel(SSLContext tls, Function<String, Optional<InetSocketAddress>> route) throws IOException {
        this.tls = tls;
        this.route = route;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "endpoint-tunnel-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                Thread handler = new Thread(() -> handle(client), "endpoint-tunnel-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                if (open) {
                    System.err.println("endpoint tunnel: " + e.getMessage());
                }
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            client.setSoTimeout(120_000);
            // A TLS server flight and a piped answer are several writes: with Nagle's algorithm each later one
            // would wait for the peer's delayed acknowledgement of the first (up to 40 ms), which AWS does not.
            client.setTcpNoDelay(true);
            String head = readHead(client.getInputStream());
            String[] requestLine = head.split("\r\n", 2)[0].split(" ");
            if (requestLine.length < 2 || !requestLine[0].equals("CONNECT")) {
                reply(client, "400 Bad Request", "this is an HTTPS proxy: only CONNECT is accepted");
                return;
            }
            String authority = requestLine[1];
            int colon = authority.lastIndexOf(':');
            String host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
            if (!host.endsWith(".amazonaws.com")) {
                reply(client, "403 Forbidden", host + " is not an AWS endpoint: the VPC has no route to it");
                return;
            }
            Optional<InetSocketAddress> target = route.apply(host);
            if (target.isEmpty()) {
                reply(client, "502 Bad Gateway", host + " does not resolve to an endpoint of this VPC");
                return;
            }
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            SSLSocket secured = (SSLSocket) tls.getSocketFactory().createSocket(client, host, client.getPort(), true);
            secured.setUseClientMode(false);
            secured.startHandshake();
            try (secured; Socket upstream = new Socket()) {
                upstream.setTcpNoDelay(true);
                upstream.connect(target.get(), 5_000);
                Thread back = pipe(upstream.getInputStream(), secured.getOutputStream());
                pipeHere(secured.getInputStream(), upstream.getOutputStream());
                upstream.shutdownOutput();
                back.join(120_000);
            }
        } catch (IOException e) {
            // The client went away, or the handshake failed: nothing to answer.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (head.size() < MAX_HEAD) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void reply(Socket client, String status, String message) throws IOException {
        byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
        client.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Type: text/plain\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().write(body);
        client.getOutputStream().flush();
    }

    private static Thread pipe(InputStream in, OutputStream out) {
        Thread t = new Thread(() -> {
            try {
                pipeHere(in, out);
                out.close();
            } catch (IOException closed) {
                // One side closed the connection.
            }
        }, "endpoint-tunnel-pipe");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void pipeHere(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[16384];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException e) {
            // Closing anyway.
        }
    }
}
