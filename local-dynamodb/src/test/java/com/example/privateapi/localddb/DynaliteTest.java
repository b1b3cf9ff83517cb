package com.example.privateapi.localddb;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

    @Test
    void aMissingInstallNamesTheCommandThatInstallsIt() {
        IOException e = assertThrows(IOException.class, () -> Dynalite.start(Path.of("no-such-folder")));
        assertTrue(e.getMessage().contains("npm ci --prefix tools/dynalite"), e.getMessage());
    }
}
