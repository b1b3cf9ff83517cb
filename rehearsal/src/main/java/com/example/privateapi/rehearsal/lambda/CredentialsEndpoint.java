package com.example.privateapi.rehearsal.lambda;

import com.example.privateapi.rehearsal.identity.Credentials;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Where a SnapStart function's runtime gets its execution role's credentials. Lambda does not put them in the
 * {@code AWS_ACCESS_KEY_ID} variables of a SnapStart function (a snapshot would hold them); it serves them at
 * {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} to callers presenting {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, in the
 * container credentials format the AWS SDKs read (Lambda developer guide, "Activating and managing Lambda
 * SnapStart", section "Using SnapStart with AWS SDKs"; SDKs and Tools reference, "Container credential provider").
 */
final class CredentialsEndpoint implements AutoCloseable {

    private static final String PATH = "/2021-04-23/credentials";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Credentials> byToken = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final ExecutorService threads;

    CredentialsEndpoint() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "lambda-credentials-endpoint");
            t.setDaemon(true);
            return t;
        });
        server.createContext(PATH, this::serve);
        server.setExecutor(threads);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /** A token for one execution environment: whoever presents it gets these credentials. */
    String issue(Credentials credentials) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        byToken.put(token, credentials);
        return token;
    }

    /** The environment ended: its token no longer works. */
    void revoke(String token) {
        if (token != null) {
            byToken.remove(token);
        }
    }


    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String token = exchange.getRequestHeaders().getFirst("Authorization");
            Credentials credentials = token == null ? null : byToken.get(token);
            if (!"GET".equals(exchange.getRequestMethod()) || credentials == null) {
                byte[] body = "{\"message\":\"invalid authorization token\"}".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(credentials == null ? 403 : 405, body.length);
                exchange.getResponseBody().write(body);
                return;
            }
            JsonObject answer = new JsonObject();
            answer.addProperty("AccessKeyId", credentials.accessKeyId());
            answer.addProperty("SecretAccessKey", credentials.secretAccessKey());
            answer.addProperty("Token", credentials.sessionToken());
            answer.addProperty("Expiration", DateTimeFormatter.ISO_INSTANT.format(credentials.expiration()));
            byte[] body = answer.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
        byToken.clear();
    }
}
