package com.example.privateapi.backend;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The requests table, through the enhanced client and the record's static schema. Failures become
 * {@link RequestStoreException}s that say whether the caller erred, the table is unavailable, or the deployment is
 * wrong; the SDK's detail stays in the exception, for the function log.
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

    /** Signs the priming requests: never valid anywhere, and answered in memory. */
    static final StaticCredentialsProvider PRIMING_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAPRIMINGONLY00000", "priming-only-never-sent"));

    static final int CONNECT_TIMEOUT_MS = 1000;
    static final int READ_TIMEOUT_MS = (int) ATTEMPT_TIMEOUT.toMillis();

    private final DynamoDbTable<RequestRecord> table;
    private final PrimableHttpClient http;
    private final RenewableCredentials credentials;

    public DynamoDbRequestStore(DynamoDbEnhancedClient client, String tableName) {
        this(client, tableName, null, null);
    }

    private DynamoDbRequestStore(DynamoDbEnhancedClient client, String tableName, PrimableHttpClient http,
                                 RenewableCredentials credentials) {
        this.table = client.table(tableName, RequestRecord.SCHEMA);
        this.http = http;
        this.credentials = credentials;
    }

    /**
     * The store as the function uses it: region, credentials and HTTP client given explicitly (nothing discovered),
     * and bounded timeouts, so an unreachable table becomes a 503 within seconds instead of a Lambda timeout.
     */
    static DynamoDbRequestStore forFunction(BackendConfig config, RenewableCredentials credentials, JvmTls tls) {
        return forFunction(config, credentials, tls, null);
    }

    /** @param endpoint where DynamoDB is, or null for where the SDK finds it (AWS_ENDPOINT_URL_DYNAMODB, region) */
    static DynamoDbRequestStore forFunction(BackendConfig config, RenewableCredentials credentials, JvmTls tls,
                                            URI endpoint) {
        // Connections made here, with the function's one TLS context: the SDK's builder would make a second one.
        SSLSocketFactory sockets = tls.context().getSocketFactory();
        PrimableHttpClient http = new PrimableHttpClient(UrlConnectionHttpClient.create(uri -> {
            try {
                HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
                if (connection instanceof HttpsURLConnection https) {
                    https.setSSLSocketFactory(sockets);
                }
                connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
                connection.setReadTimeout(READ_TIMEOUT_MS);
                return connection;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        var builder = DynamoDbClient.builder();
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        DynamoDbClient dynamo = builder
                .region(Region.of(config.region()))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(bounds())
                .build();
        return new DynamoDbRequestStore(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                config.tableName(), http, credentials);
    }

    /** The store's retries and timeouts: bounded, so that DynamoDB down is a 503 within seconds. */
    static ClientOverrideConfiguration bounds() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(b -> b.maxAttempts(MAX_ATTEMPTS))
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .apiCallTimeout(CALL_TIMEOUT)
                .build();
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

    /**
     * Writes and reads the record through the whole client (marshalling, signing, response parsing) with every
     * request answered in memory and signed with stand-in credentials: nothing is sent, nothing is written, and the
     * function's own credentials are not resolved.
     */
    @Override
    public void prime(RequestRecord sample) {
        if (http == null) {
            return;
        }
        credentials.primeWith(PRIMING_CREDENTIALS, () -> http.divert(() -> {
            put(sample);
            get(sample.getId());
        }));
    }
}
