package com.example.privateapi.rehearsal.local;

import com.example.privateapi.rehearsal.template.Model;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Creates the stacks' tables, from their template definitions, in the rehearsal's DynamoDB. */
public final class DynamoTables implements AutoCloseable {

    private final DynamoDbClient dynamo;

    public DynamoTables(URI endpoint, String region) {
        this.dynamo = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // The local server does not check signatures; the SDK still needs a key to sign with.
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDREHEARSAL",
                        "rehearsal")))
                .build();
    }

    /** Creates the table unless it exists, and waits until it is ACTIVE. */
    void ensure(Model.DynamoTable table) {
        try {
            dynamo.describeTable(r -> r.tableName(table.name()));
            return;
        } catch (ResourceNotFoundException absent) {
            // Created below.
        }
        List<KeySchemaElement> keys = table.keySchema().entrySet().stream()
                .map(e -> KeySchemaElement.builder().attributeName(e.getKey()).keyType(e.getValue()).build())
                .sorted((a, b) -> a.keyTypeAsString().compareTo(b.keyTypeAsString()))
                .toList();
        List<AttributeDefinition> attributes = table.attributes().entrySet().stream()
                .map(e -> AttributeDefinition.builder().attributeName(e.getKey()).attributeType(e.getValue()).build())
                .toList();
        dynamo.createTable(r -> r.tableName(table.name()).keySchema(keys).attributeDefinitions(attributes)
                .billingMode(BillingMode.PAY_PER_REQUEST));
        // A new table is CREATING for a moment, as on DynamoDB; poll briskly rather than the waiter's default 20 s.
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(dynamo).overrideConfiguration(o -> o
                .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofMillis(100))).maxAttempts(300)).build()) {
            waiter.waitUntilTableExists(r -> r.tableName(table.name()));
        }
    }

    @Override
    public void close() {
        dynamo.close();
    }
}
