package com.example.privateapi.localddb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DynaliteTest {

    @Test
    void answersDynamoDbRequestsUntilClosed() throws Exception {
        URI endpoint;
        HttpClient http = HttpClient.newHttpClient();
        try (Dynalite dynalite = Dynalite.start()) {
            endpoint = dynalite.endpoint();
            assertEquals("127.0.0.1", endpoint.getHost());
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/x-amz-json-1.0")
                    .header("X-Amz-Target", "DynamoDB_20120810.ListTables")
                    .header("X-Amz-Date", "20150830T123600Z")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                            + "dynamodb/aws4_request, SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("TableNames"), response.body());
        }
        URI closed = endpoint;
        assertThrows(IOException.class, () -> http.send(HttpRequest.newBuilder(closed).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    /** On disk, a table and its items outlive the server: a restart on the same folder and port finds them. */
    @Test
    void aRestartOnTheSameDataFindsWhatWasWritten(@TempDir Path data) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int port;
        try (Dynalite first = Dynalite.start(Dynalite.locate(), data, 0)) {
            port = first.endpoint().getPort();
            call(http, first.endpoint(), "CreateTable", "{\"TableName\":\"kept-table\",\"BillingMode\":\"PAY_PER_REQUEST\","
                    + "\"AttributeDefinitions\":[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],"
                    + "\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"}]}");
            waitActive(http, first.endpoint());
            call(http, first.endpoint(), "PutItem", "{\"TableName\":\"kept-table\",\"Item\":{\"id\":{\"S\":\"kept\"}}}");
            // Killed, not stopped: what was answered 200 must already be on disk.
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly();
            first.onExit().get(10, TimeUnit.SECONDS);
        }
        try (Dynalite second = Dynalite.start(Dynalite.locate(), data, port)) {
            assertEquals(port, second.endpoint().getPort());
            String item = call(http, second.endpoint(), "GetItem", "{\"TableName\":\"kept-table\",\"Key\":{\"id\":{\"S\":"
                    + "\"kept\"}}}");
            assertTrue(item.contains("\"kept\""), item);
        }
    }

    /** dynalite ends with the JVM that started it, even when that JVM is killed with SIGKILL. */
    @Test
    void dynaliteDoesNotOutliveAKilledParent() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DynaliteChild.class.getName())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.startsWith("dynalite-pid "), String.valueOf(line));
            ProcessHandle server = ProcessHandle.of(Long.parseLong(line.substring("dynalite-pid ".length())))
                    .orElseThrow();
            assertTrue(server.isAlive());
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
            server.onExit().get(10, TimeUnit.SECONDS);
            assertFalse(server.isAlive(), "dynalite outlived the JVM that started it");
        } finally {
            child.destroyForcibly();
        }
    }

    private static void waitActive(HttpClient http, URI endpoint) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (call(http, endpoint, "DescribeTable", "{\"TableName\":\"kept-table\"}").contains("\"ACTIVE\"")) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the table never became ACTIVE");
    }

    private static String call(HttpClient http, URI endpoint, String operation, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "DynamoDB_20120810." + operation)
                .header("X-Amz-Date", "20150830T123600Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
                        + "dynamodb/aws4_request, SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), operation + ": " + response.body());
        return response.body();
    }

    @Test
    void aMissingInstallNamesTheCommandThatInstallsIt() {
        IOException e = assertThrows(IOException.class, () -> Dynalite.start(Path.of("no-such-folder")));
        assertTrue(e.getMessage().contains("npm ci --prefix tools/dynalite"), e.getMessage());
    }
}
