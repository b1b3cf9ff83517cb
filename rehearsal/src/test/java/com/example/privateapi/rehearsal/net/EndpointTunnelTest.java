package com.example.privateapi.rehearsal.net;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDK's url-connection client reaching a loopback server over HTTPS through the endpoint tunnel. */
class EndpointTunnelTest {

    @TempDir
    static Path dir;
    static HttpServer backend;
    static EndpointTunnel tunnel;
    static LocalCertificates certificates;
    static final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        backend.createContext("/", exchange -> {
            hosts.add(exchange.getRequestHeaders().getFirst("Host"));
            byte[] body = ("you asked " + exchange.getRequestURI()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        backend.start();
        certificates = new LocalCertificates(dir, "us-east-1");
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", backend.getAddress().getPort());
        tunnel = new EndpointTunnel(certificates.serverContext(),
                host -> host.startsWith("unrouted") ? Optional.empty() : Optional.of(target));
    }

    @AfterAll
    static void stop() {
        tunnel.close();
        backend.stop(0);
    }

    static SdkHttpClient client() throws Exception {
        KeyStore trust = KeyStore.getInstance("JKS");
        try (InputStream in = Files.newInputStream(certificates.trustStore())) {
            trust.load(in, null);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return UrlConnectionHttpClient.builder()
                .proxyConfiguration(ProxyConfiguration.builder()
                        .endpoint(URI.create("http://127.0.0.1:" + tunnel.port())).build())
                .tlsTrustManagersProvider(tmf::getTrustManagers)
                .build();
    }

    static HttpExecuteResponse get(SdkHttpClient client, String url) throws Exception {
        ExecutableHttpRequest call = client.prepareRequest(HttpExecuteRequest.builder()
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.GET).uri(URI.create(url)).build()).build());
        return call.call();
    }

    @Test
    void carriesHttpsForBothApiGatewayNameForms() throws Exception {
        try (SdkHttpClient client = client()) {
            for (String host : List.of("abc123defg.execute-api.us-east-1.amazonaws.com",
                    "vpce-0a1b2c3d4e5f60718-abcd1234.execute-api.us-east-1.vpce.amazonaws.com")) {
                HttpExecuteResponse response = get(client, "https://" + host + "/Prod/");
                assertEquals(200, response.httpResponse().statusCode());
                String body = new String(response.responseBody().orElseThrow().readAllBytes(), StandardCharsets.UTF_8);
                assertEquals("you asked /Prod/", body);
                assertEquals(host, hosts.get(hosts.size() - 1));
            }
        }
    }

    @Test
    void refusesHostsOutsideAwsAndHostsWithoutARoute() throws Exception {
        assertTrue(connect("example.com:443").startsWith("HTTP/1.1 403"));
        assertTrue(connect("unrouted.execute-api.us-east-1.amazonaws.com:443").startsWith("HTTP/1.1 502"));
    }

    @Test
    void plainRequestsAreNotProxied() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", tunnel.port())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
        }
    }

    private static String connect(String authority) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", tunnel.port())) {
            socket.getOutputStream().write(("CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
