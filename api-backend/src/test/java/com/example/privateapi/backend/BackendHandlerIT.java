package com.example.privateapi.backend;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.example.privateapi.localddb.Dynalite;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real handler against dynalite through the real SDK client. */
class BackendHandlerIT {

    static final String TABLE = "private-api-backend-RequestsTable";
    static Dynalite dynalite;
    static DynamoDbClient dynamo;

    @BeforeAll
    static void startDynamoDb() throws Exception {
        dynalite = Dynalite.start();
        dynamo = client(dynalite.endpoint());
        dynamo.createTable(r -> r.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
        // A new table is CREATING for a moment, as on DynamoDB: wait before the first write.
        dynamo.waiter().waitUntilTableExists(r -> r.tableName(TABLE));
    }

    @AfterAll
    static void stopDynamoDb() {
        dynamo.close();
        dynalite.close();
    }

    static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(1)))
                .overrideConfiguration(ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(5))
                        .build())
                .build();
    }

    static BackendHandler handler(DynamoDbClient client) {
        return new BackendHandler(new DynamoDbRequestStore(DynamoDbEnhancedClient.builder().dynamoDbClient(client)
                .build(), TABLE), Clock.systemUTC());
    }

    @Test
    void recordsARequestAndReadsItBack() {
        BackendHandler handler = handler(dynamo);
        APIGatewayProxyResponseEvent written = handler.handle(Events.get("/", "/", "it-req-1", null));
        assertEquals(200, written.getStatusCode(), written.getBody());
        assertEquals("111111111111", JsonParser.parseString(written.getBody()).getAsJsonObject()
                .get("accountId").getAsString());

        APIGatewayProxyResponseEvent read = handler.handle(Events.get("/requests/{requestId}",
                "/requests/it-req-1", "it-req-2", Map.of("requestId", "it-req-1")));
        assertEquals(200, read.getStatusCode(), read.getBody());
        JsonObject record = JsonParser.parseString(read.getBody()).getAsJsonObject();
        assertEquals("it-req-1", record.get("id").getAsString());
        assertEquals("arn:aws:sts::111111111111:assumed-role/DirectClientRole/direct-client",
                record.get("userArn").getAsString());
        assertEquals("vpce-0123456789abcdef0", record.get("sourceVpce").getAsString());
        assertEquals("Prod", record.get("stage").getAsString());
        assertEquals("it-req-1", record.getAsJsonObject("requestContext").get("requestId").getAsString());
        long expiresAt = record.get("expiresAt").getAsLong();
        long expected = Instant.now().plus(Duration.ofDays(90)).getEpochSecond();
        assertTrue(Math.abs(expiresAt - expected) < 120, "expiresAt " + expiresAt + " vs " + expected);

        APIGatewayProxyResponseEvent missing = handler.handle(Events.get("/requests/{requestId}",
                "/requests/never", "it-req-3", Map.of("requestId", "never")));
        assertEquals(404, missing.getStatusCode());
    }

    /**
     * DynamoDB down: the function's bounded retries answer 503 within its 5 s call timeout (well within the
     * clients' 10 s and API Gateway's 29 s), and the body says nothing of the SDK.
     */
    @Test
    void anUnreachableTableIsAFast503NamingTheRequest() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (DynamoDbClient unreachable = boundedClient(URI.create("http://127.0.0.1:" + closedPort))) {
            long start = System.nanoTime();
            APIGatewayProxyResponseEvent response = handler(unreachable)
                    .handle(Events.get("/", "/", "it-req-4", null));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, response.getStatusCode(), response.getBody());
            assertEquals("it-req-4", JsonParser.parseString(response.getBody()).getAsJsonObject()
                    .get("requestId").getAsString());
            BackendHandlerTest.assertNoInternals(response.getBody());
            assertTrue(millis < DynamoDbRequestStore.CALL_TIMEOUT.toMillis() + 1000, "took " + millis + " ms");
        }
    }

    /** A key DynamoDB cannot hold is refused by DynamoDB itself as invalid input: the store says REJECTED. */
    @Test
    void aKeyOverDynamoDbsLimitIsRejectedNotUnavailable() {
        try (DynamoDbClient client = boundedClient(dynalite.endpoint())) {
            DynamoDbRequestStore store = new DynamoDbRequestStore(DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(client).build(), TABLE);
            RequestStoreException e = org.junit.jupiter.api.Assertions.assertThrows(RequestStoreException.class,
                    () -> store.get("k".repeat(2049)));
            assertEquals(RequestStoreException.Kind.REJECTED, e.kind(), e.getMessage());
        }
    }

    @Test
    void aMissingTableIsMisconfigured() {
        try (DynamoDbClient client = boundedClient(dynalite.endpoint())) {
            DynamoDbRequestStore store = new DynamoDbRequestStore(DynamoDbEnhancedClient.builder()
                    .dynamoDbClient(client).build(), "no-such-table");
            RequestStoreException e = org.junit.jupiter.api.Assertions.assertThrows(RequestStoreException.class,
                    () -> store.get("it-req-1"));
            assertEquals(RequestStoreException.Kind.MISCONFIGURED, e.kind(), e.getMessage());
        }
    }

    /** A client with the function's retries and timeouts, pointed at a local endpoint. */
    static DynamoDbClient boundedClient(URI endpoint) {
        return DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCAL", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofMillis(DynamoDbRequestStore.CONNECT_TIMEOUT_MS))
                        .socketTimeout(Duration.ofMillis(DynamoDbRequestStore.READ_TIMEOUT_MS)))
                .overrideConfiguration(DynamoDbRequestStore.bounds())
                .build();
    }
}
