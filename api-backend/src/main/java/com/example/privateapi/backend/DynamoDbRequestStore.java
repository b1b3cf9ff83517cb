package com.example.privateapi.backend;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;

import java.util.Optional;

/** The requests table, through the enhanced client and the record's static schema. */
public final class DynamoDbRequestStore implements RequestStore {

    private final DynamoDbTable<RequestRecord> table;

    public DynamoDbRequestStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, RequestRecord.SCHEMA);
    }

    @Override
    public void put(RequestRecord record) {
        table.putItem(record);
    }

    @Override
    public Optional<RequestRecord> get(String id) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build()));
    }
}
