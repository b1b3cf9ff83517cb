package com.example.privateapi.rehearsal.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** dynalite killed while the rehearsal runs: told, restarted on the same data and port, nothing written lost. */
class DynaliteSupervisorTest {

    @Test
    void aKilledDynaliteIsRestartedOnTheSameDataAndPort(@TempDir Path state) throws Exception {
        Path abandoned = Files.createDirectories(state.resolve("dynamodb").resolve("run-999999999"));
        List<String> notices = new CopyOnWriteArrayList<>();
        DynaliteSupervisor supervisor = DynaliteSupervisor.start(state, notices::add);
        Path own = state.resolve("dynamodb").resolve("run-" + ProcessHandle.current().pid());
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(supervisor.endpoint())
                .region(Region.US_EAST_1).httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "s")))
                .build()) {
            assertFalse(Files.exists(abandoned), "the folder of a run that is gone is removed");
            assertTrue(Files.isDirectory(own));
            new DynamoTables(supervisor.endpoint(), "us-east-1").ensure(new com.example.privateapi.rehearsal.template
                    .Model.DynamoTable("Requests", "requests-table", Map.of("id", "HASH"), Map.of("id", "S"), null));
            dynamo.putItem(r -> r.tableName("requests-table").item(Map.of("id", AttributeValue.fromS("answered-200"))));

            long first = supervisor.pid();
            ProcessHandle killed = ProcessHandle.of(first).orElseThrow();
            killed.destroyForcibly();
            killed.onExit().get(10, TimeUnit.SECONDS);
            long deadline = System.currentTimeMillis() + 20_000;
            while (notices.stream().noneMatch(n -> n.contains("is back")) && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(notices.get(0).startsWith("DynamoDB (dynalite) exited with status"), notices.toString());
            assertTrue(notices.stream().anyMatch(n -> n.contains("is back")), notices.toString());
            assertTrue(supervisor.pid() != first);
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName("requests-table")
                    .key(Map.of("id", AttributeValue.fromS("answered-200")))).item();
            assertEquals("answered-200", item.get("id").s());
        } finally {
            supervisor.close();
        }
        assertFalse(Files.exists(own), "a run removes its own data when it ends");
    }
}
