package com.example.privateapi.backend;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The requests table, through the enhanced client and the record's static schema. Failures become
 * {@link RequestStoreException}s that say whether the caller erred, the table is unavailable, or the deployment is
 * wrong; the SDK's detail stays in the exception for the function log.
 */
public final class DynamoDbRequestStore implements RequestStore {

    /**
     * Bounds on one call, retries included, so that a caller gets its answer well within its own timeout (the
     * clients' API_TIMEOUT of 10 s, Lambda's 15 s, API Gateway's 29 s integration timeout) even when DynamoDB is
     * unreachable: at most 3 attempts of 2 s each, 5 s in all.
     */
    static final int MAX_ATTEMPTS = 3;
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final DynamoDbTable<RequestRecord> table;

    public DynamoDbRequestStore(DynamoDbEnhancedClient client, String tableName) {
        this.table = client.table(tableName, RequestRecord.SCHEMA);
    }

    /** The store for the function's table, with a client built once, its retries and timeouts bounded. */
    public static DynamoDbRequestStore forTable(String region, String tableName) {
        return new DynamoDbRequestStore(DynamoDbEnhancedClient.builder().dynamoDbClient(client(region, b -> { }))
                .build(), tableName);
    }

    /**
     * A DynamoDB client with the store's bounds. The endpoint comes from the SDK's own settings
     * ({@code AWS_ENDPOINT_URL_DYNAMODB}), so no code path differs off AWS.
     *
     * @param more further settings (tests set the endpoint and credentials here)
     */
    static DynamoDbClient client(String region, Consumer<DynamoDbClientBuilder> more) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(1))
                        .socketTimeout(ATTEMPT_TIMEOUT))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(MAX_ATTEMPTS))
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build());
        more.accept(builder);
        return builder.build();
    }

    @Override
    public void put(RequestRecord record) {
        call(() -> {
            table.putItem(record);
            return null;
        });
    }

    @Override
    public Optional<RequestRecord> get(String id) {
        return Optional.ofNullable(call(() -> table.getItem(Key.builder().partitionValue(id).build())));
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ResourceNotFoundException e) {
            throw new RequestStoreException(RequestStoreException.Kind.MISCONFIGURED, describe(e), e);
        } catch (AwsServiceException e) {
            throw new RequestStoreException(kind(e), describe(e), e);
        } catch (SdkException e) {
            // Not answered at all: refused connection, timeouts (ApiCallTimeoutException), unreachable endpoint.
            throw new RequestStoreException(RequestStoreException.Kind.UNAVAILABLE, describe(e), e);
        }
    }

    /** DynamoDB's answers: 5xx and throttling are its side; 403 and a missing table are the deployment's. */
    private static RequestStoreException.Kind kind(AwsServiceException e) {
        if (e.isThrottlingException() || e.statusCode() >= 500) {
            return RequestStoreException.Kind.UNAVAILABLE;
        }
        if (e.statusCode() == 403 || e.statusCode() == 401) {
            return RequestStoreException.Kind.MISCONFIGURED;
        }
        return RequestStoreException.Kind.REJECTED;
    }

    private static String describe(SdkException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
