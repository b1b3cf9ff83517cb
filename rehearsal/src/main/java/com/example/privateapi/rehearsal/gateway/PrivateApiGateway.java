package com.example.privateapi.rehearsal.gateway;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rehearsal's stand-in for API Gateway's private endpoints, on loopback: one HTTP listener per interface VPC
 * endpoint (requests through it carry that endpoint's id and VPC) and one that stands for no endpoint at all.
 * A rehearsal tool, never a production gateway.
 */
public final class PrivateApiGateway implements AutoCloseable {

    private final GatewayPipeline pipeline;
    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService executor;

    public PrivateApiGateway(GatewayPipeline pipeline) {
        this.pipeline = pipeline;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "gateway-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the listener standing for {@code endpoint}; returns its base URL. */
    public synchronized URI startEndpoint(VpcEndpoint endpoint) throws IOException {
        return start(endpoint);
    }

    /** Starts a listener that is no VPC endpoint: a private API must refuse what arrives here. */
    public synchronized URI startOutsideListener() throws IOException {
        return start(null);
    }

    private URI start(VpcEndpoint endpoint) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> serve(exchange, endpoint));
        server.setExecutor(executor);
        server.start();
        servers.add(server);
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void serve(HttpExchange exchange, VpcEndpoint endpoint) throws IOException {
        try {
            byte[] body = readLimited(exchange.getRequestBody());
            GatewayRequest request = new GatewayRequest(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), endpoint);
            GatewayResponse response = pipeline.handle(request);
            response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
            boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.body().length == 0;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (RuntimeException e) {
            // A fault of the rehearsal itself: answer like API Gateway's 5xx rather than dropping the request.
            System.err.println("gateway: internal error: " + e);
            exchange.sendResponseHeaders(500, -1);
        } finally {
            exchange.close();
        }
    }

    /** Reads at most one byte more than API Gateway accepts, so oversize bodies are seen without buffering them. */
    private static byte[] readLimited(InputStream in) throws IOException {
        byte[] body = in.readNBytes(GatewayPipeline.MAX_PAYLOAD_BYTES + 1);
        in.transferTo(OutputStream.nullOutputStream());
        return body;
    }

    @Override
    public synchronized void close() {
        servers.forEach(s -> s.stop(0));
        servers.clear();
        executor.shutdownNow();
    }
}
