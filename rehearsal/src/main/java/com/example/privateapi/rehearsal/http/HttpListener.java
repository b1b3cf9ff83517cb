package com.example.privateapi.rehearsal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small HTTP/1.1 server on loopback for the rehearsal's stand-ins (API Gateway's endpoints, STS): one thread per
 * connection up to {@link HttpLimits#maxConnections()}, keep-alive, TCP_NODELAY, and every limit and timeout of
 * {@link HttpLimits} answered with its HTTP status. A malformed or oversized request is answered by the owner's
 * {@link ErrorPage} and the connection is closed after its unread input is drained, so the client reads the answer
 * instead of a reset. A rehearsal tool, never a production server.
 */
public final class HttpListener implements AutoCloseable {

    /** How long, and how much, unread input is drained before a refused connection is closed. */
    private static final long DRAIN_MILLIS = 2_000;
    private static final long DRAIN_BYTES = 64L * 1024 * 1024;

    private final String name;
    private final HttpLimits limits;
    private final HttpHandler handler;
    private final ErrorPage errors;
    private final Consumer<String> faults;
    private final ServerSocket server;
    private final ThreadPoolExecutor connections;
    private final AtomicInteger active = new AtomicInteger();
    private volatile boolean open = true;

    private HttpListener(String name, HttpLimits limits, HttpHandler handler, ErrorPage errors,
                         Consumer<String> faults) throws IOException {
        this.name = name;
        this.limits = limits;
        this.handler = handler;
        this.errors = errors;
        this.faults = faults;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        AtomicInteger count = new AtomicInteger();
        // A little beyond the connection limit: a thread that just finished may not be back in the pool yet.
        this.connections = new ThreadPoolExecutor(0, limits.maxConnections() + 16, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        Thread acceptor = new Thread(this::acceptLoop, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Listens on a free loopback port.
     *
     * @param faults where a handler's failure is reported (the client gets the error page's 500)
     */
    public static HttpListener start(String name, HttpLimits limits, HttpHandler handler, ErrorPage errors,
                                     Consumer<String> faults) throws IOException {
        return new HttpListener(name, limits, handler, errors, faults);
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (open) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (open) {
                    faults.accept(name + ": accept failed: " + e.getMessage());
                }
                continue;
            }
            if (active.incrementAndGet() > limits.maxConnections()) {
                active.decrementAndGet();
                refuse(socket);
                continue;
            }
            try {
                connections.execute(() -> serve(socket));
            } catch (RejectedExecutionException e) {
                active.decrementAndGet();
                refuse(socket);
            }
        }
    }

    /** Too many connections: answer 503 at once rather than leave the client waiting. */
    private void refuse(Socket socket) {
        try (socket) {
            socket.setSoTimeout(100);
            new ResponseWriter(socket.getOutputStream()).write(errors.render(ProtocolError.OVERLOADED), false, true);
            socket.shutdownOutput();
        } catch (IOException e) {
            // The client is gone already.
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setTcpNoDelay(true);
            RequestReader reader = new RequestReader(socket, limits);
            ResponseWriter writer = new ResponseWriter(socket.getOutputStream());
            String peer = socket.getInetAddress().getHostAddress();
            boolean first = true;
            while (open && reader.awaitRequest(first ? limits.headTimeout() : limits.idleTimeout())) {
                first = false;
                RequestReader.Parsed parsed;
                try {
                    parsed = reader.read(peer, writer::sendContinue);
                } catch (RequestReader.Rejected rejected) {
                    writer.write(errors.render(rejected.error()), false, true);
                    drainAndClose(socket);
                    return;
                }
                HttpResponse response;
                boolean close = !parsed.keepAlive();
                try {
                    response = handler.handle(parsed.request());
                } catch (RuntimeException e) {
                    faults.accept(name + ": internal error answering " + parsed.request().method() + " "
                            + parsed.request().rawPath() + ": " + e);
                    response = errors.render(ProtocolError.INTERNAL);
                    close = true;
                }
                writer.write(response, parsed.head(), close);
                if (close) {
                    drainAndClose(socket);
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or stopped reading: there is no one left to answer.
        } finally {
            active.decrementAndGet();
            try {
                socket.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }

    /**
     * Ends the connection after an answer: closing a socket with unread input makes the kernel send a reset, which
     * the client may see before the answer, so the input is read and dropped (for a bounded time) first.
     */
    private static void drainAndClose(Socket socket) {
        try (socket) {
            socket.shutdownOutput();
            long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[65_536];
            long drained = 0;
            while (drained < DRAIN_BYTES) {
                long remaining = deadline - System.currentTimeMillis();
                if (remaining <= 0) {
                    break;
                }
                socket.setSoTimeout((int) remaining);
                int n = in.read(sink);
                if (n < 0) {
                    break;
                }
                drained += n;
            }
        } catch (SocketException e) {
            // Reset or timed out while draining: the answer has been sent.
        } catch (IOException e) {
            // Same.
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
        connections.shutdownNow();
    }
}
