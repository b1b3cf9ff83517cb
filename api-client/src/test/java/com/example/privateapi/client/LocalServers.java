package com.example.privateapi.client;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Loopback servers standing for the API and for STS, recording what reached them. STS answers in its own query
 * protocol's XML (AssumeRole), so the client's real parser reads it.
 */
final class LocalServers implements AutoCloseable {

    /** A request as it arrived: its headers and body. */
    record Seen(Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }
    }

    final List<Seen> api = new CopyOnWriteArrayList<>();
    final List<Seen> sts = new CopyOnWriteArrayList<>();
    final AtomicInteger stsKeys = new AtomicInteger();
    private final HttpServer server;
    private volatile Supplier<Answer> stsAnswer = () -> assumed(Instant.now().plusSeconds(900));

    record Answer(int status, String xml) {
    }

    LocalServers() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/Prod/", exchange -> {
            api.add(new Seen(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = "{\"accountId\":\"111111111111\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/sts/", exchange -> {
            sts.add(new Seen(Map.copyOf(exchange.getRequestHeaders()),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer = stsAnswer.get();
            byte[] body = answer.xml().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    URI apiUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/Prod/");
    }

    URI stsUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/sts/");
    }

    void answerSts(Supplier<Answer> answer) {
        this.stsAnswer = answer;
    }

    /** A successful AssumeRole answer with fresh keys each time, expiring at the given instant. */
    Answer assumed(Instant expiration) {
        int n = stsKeys.incrementAndGet();
        return new Answer(200, "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                + "<AssumeRoleResult><AssumedRoleUser><AssumedRoleId>AROAEXAMPLE:s</AssumedRoleId>"
                + "<Arn>arn:aws:sts::222222222222:assumed-role/ApiAccessRole/s</Arn></AssumedRoleUser>"
                + "<Credentials><AccessKeyId>ASIAASSUMED" + n + "</AccessKeyId><SecretAccessKey>secret" + n
                + "</SecretAccessKey><SessionToken>session-token-" + n + "</SessionToken><Expiration>" + expiration
                + "</Expiration></Credentials></AssumeRoleResult><ResponseMetadata><RequestId>r" + n
                + "</RequestId></ResponseMetadata></AssumeRoleResponse>");
    }

    static Answer refused(String code, String message) {
        return new Answer(403, "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error>"
                + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
                + "<RequestId>r</RequestId></ErrorResponse>");
    }

    /** The access key id a request was signed with. */
    static String signer(Seen request) {
        String authorization = request.header("Authorization");
        int start = authorization.indexOf("Credential=") + "Credential=".length();
        return authorization.substring(start, authorization.indexOf('/', start));
    }

    static List<String> signers(List<Seen> requests) {
        List<String> keys = new ArrayList<>();
        requests.forEach(r -> keys.add(signer(r)));
        return keys;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
