package com.example.privateapi.backend;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The requests table, through the enhanced client and the record's static schema. */
public final class DynamoDbRequestStore implements RequestStore {

    /** Signs the priming requests: never valid anywhere, and answered in memory. */
    static final StaticCredentialsProvider PRIMING_CREDENTIALS = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAPRIMINGONLY00000", "priming-only-never-sent"));

    static final int CONNECT_TIMEOUT_MS = 2000;
    static final int READ_TIMEOUT_MS = 3000;

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
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallAttemptTimeout(Duration.ofSeconds(3))
                        .apiCallTimeout(Duration.ofSeconds(8))
                        .build())
                .build();
        return new DynamoDbRequestStore(DynamoDbEnhancedClient.builder().dynamoDbClient(dynamo).build(),
                config.tableName(), http, credentials);
    }

    @Override
    public void put(RequestRecord record) {
        table.putItem(record);
    }

    @Override
    public Optional<RequestRecord> get(String id) {
        return Optional.ofNullable(table.getItem(Key.builder().partitionValue(id).build()));
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
